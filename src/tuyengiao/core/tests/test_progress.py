import io

from tuyengiao.core.progress import bar


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_a_terminal_sees_the_bar_fill_to_the_total():
    stream = Terminal()
    assert list(bar(range(4), total=4, label="Tỉnh", stream=stream)) == [0, 1, 2, 3]
    drawn = stream.getvalue()
    assert "\rTỉnh [" + "." * 30 + "] 0/4" in drawn
    assert "\rTỉnh [" + "#" * 15 + "." * 15 + "] 2/4" in drawn
    assert drawn.endswith("\rTỉnh [" + "#" * 30 + "] 4/4\n")


def test_piped_output_stays_clean():
    stream = io.StringIO()
    assert list(bar(["a", "b"], total=2, label="x", stream=stream)) == ["a", "b"]
    assert stream.getvalue() == ""
