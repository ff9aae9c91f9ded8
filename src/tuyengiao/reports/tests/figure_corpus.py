"""A corpus of Vietnamese report sentences with the verdicts a careful reader would give.

Written by hand, before the grammar was tuned, in the style of district and ward year-end
reports and Party news. Each entry: the text, and the claims expected in reading order as
(kind, verdict). Kinds: ratio, sum, share, growth, completeness, rate (a percentage whose
ratio is not in the text). Verdicts: ok, rounding (truncated instead of rounded half-up),
wrong, format (right, but written against Vietnamese convention), unchecked (nothing to
recompute it from).

NOT_CLAIMS: sentences whose numbers are not claims, each named by the pattern it exercises
(claims.NOT_A_CLAIM lists the same names).

HELD_OUT: written at the same time, kept apart, and not looked at while the grammar was
tuned; the test runs it like the rest.
"""

OK, ROUNDING, WRONG, FORMAT, UNCHECKED = "ok", "rounding", "wrong", "format", "unchecked"

CORPUS = [
    # --- ratios with their rate -------------------------------------------------------
    (
        "Có 263/277 đảng viên Đảng bộ phường Bến Nghé tham gia học tập, đạt tỷ lệ 94,95%.",
        [("ratio", OK)],
    ),
    (
        "Toàn Đảng bộ có 1.182/1.245 đảng viên tham gia học tập, quán triệt, đạt tỷ lệ 94,93%.",
        [("ratio", ROUNDING)],
    ),
    (
        "Các chi bộ đã tổ chức sinh hoạt chuyên đề với 38/42 chi bộ thực hiện, đạt 90,48%.",
        [("ratio", OK)],
    ),
    ("Qua kiểm tra, 415/432 đảng viên đạt yêu cầu, đạt tỷ lệ 96,6%.", [("ratio", WRONG)]),
    ("Đã có 87/92 cán bộ chủ chốt viết bài thu hoạch (94,57%).", [("ratio", OK)]),
    (
        "Kết quả có 1.264/1.301 đoàn viên tham dự, đạt tỷ lệ 97,15%, vượt chỉ tiêu đề ra.",
        [("ratio", ROUNDING)],
    ),
    ("Chi bộ Viện Kiểm sát có 76/80 đảng viên tham gia, đạt 95.00%.", [("ratio", FORMAT)]),
    (
        "Hội nghị quán triệt thu hút 4.417/4.520 cán bộ, đảng viên, đạt tỷ lệ 97,77 phần trăm.",
        [("ratio", WRONG)],
    ),
    ("Có 4.417/4.520 cán bộ, đảng viên dự hội nghị, đạt tỷ lệ 97,72 phần trăm.", [("ratio", OK)]),
    ("Có 6 513/6 970 đảng viên tham gia học tập, đạt tỷ lệ 93,44%.", [("ratio", OK)]),
    ("Có 6 513/6 970 đảng viên tham gia học tập, đạt tỷ lệ 93,54%.", [("ratio", WRONG)]),
    ("Tỷ lệ đảng viên tham gia học tập nghị quyết là 95,08% (58/61 đảng viên).", [("ratio", OK)]),
    ("Có 203/215 hội viên tham gia lớp tập huấn; tỷ lệ tham gia là 94,42%.", [("ratio", OK)]),
    ("Có 203/215 hội viên tham gia lớp tập huấn; tỷ lệ tham gia là 95,42%.", [("ratio", WRONG)]),
    ("Phường đạt tỷ lệ 90,48% (19/21 khu phố) về xây dựng khu phố văn hóa.", [("ratio", OK)]),
    ("Phường đạt tỷ lệ 91,48% (19/21 khu phố) về xây dựng khu phố văn hóa.", [("ratio", WRONG)]),
    (
        "Đã có 1.427 trên tổng số 1.460 đảng viên đăng ký làm theo, đạt tỷ lệ 97,74%.",
        [("ratio", OK)],
    ),
    (
        "Đã có 1.427 trên tổng số 1.460 đảng viên đăng ký làm theo, đạt tỷ lệ 97,47%.",
        [("ratio", WRONG)],
    ),
    (
        "Có 142 trên tổng số 150 chi bộ được đánh giá hoàn thành tốt nhiệm vụ (94,66%).",
        [("ratio", ROUNDING)],
    ),
    ("Có 523/535 học viên tốt nghiệp lớp sơ cấp lý luận chính trị, đạt 97,76%.", [("ratio", OK)]),
    (
        "Có 523/535 học viên tốt nghiệp lớp sơ cấp lý luận chính trị, đạt 98,76%.",
        [("ratio", WRONG)],
    ),
    ("Lớp bồi dưỡng có 34/39 học viên dự đầy đủ, đạt 87,2%.", [("ratio", OK)]),
    ("Lớp bồi dưỡng có 34/39 học viên dự đầy đủ, đạt 88%.", [("ratio", WRONG)]),
    (
        "Trong năm có 618/655 đảng viên được đánh giá hoàn thành tốt nhiệm vụ, đạt 94,35%; "
        "12.850/13.420 lượt người dân được tuyên truyền, đạt 95,75%.",
        [("ratio", OK), ("ratio", OK)],
    ),
    ("Có 97/99 khu phố tổ chức họp dân, đạt tỷ lệ 97.98%.", [("ratio", FORMAT)]),
    ("Có 97/99 khu phố tổ chức họp dân, đạt tỷ lệ 97.89%.", [("ratio", WRONG)]),
    (
        "Kết quả 460/482 đảng viên tham gia, đạt 95,43%; 735/752 quần chúng tham gia, đạt 97,74%.",
        [("ratio", ROUNDING), ("ratio", OK)],
    ),
    ("Có 7/9 tổ chức cơ sở đảng hoàn thành sớm, đạt 77,78%.", [("ratio", OK)]),
    ("Có 29/31 chi bộ khu phố tổ chức học tập, đạt tỷ lệ 93,45%.", [("ratio", WRONG)]),
    # --- ratios without a rate: completeness, order, unchecked ------------------------
    (
        "100% chi bộ trực thuộc (45/45 chi bộ) đã tổ chức học tập chuyên đề năm 2023.",
        [("completeness", OK)],
    ),
    ("Có 51/51 tổ chức cơ sở đảng tổ chức học tập, quán triệt.", [("completeness", OK)]),
    ("Có 1.043/1.067 đảng viên tham gia sinh hoạt chính trị đầu năm.", [("ratio", UNCHECKED)]),
    ("Có 52/51 tổ chức cơ sở đảng hoàn thành kế hoạch.", [("ratio", WRONG)]),
    ("Học tập với 6.513/8.021/6.970 đảng viên.", [("ratio", WRONG)]),
    ("Có 880 trên tổng số 912 hộ gia đình đăng ký gia đình văn hóa.", [("ratio", UNCHECKED)]),
    (
        "Có 14/14 phường hoàn thành việc kiện toàn Ban Chỉ đạo 35 trong quý I.",
        [("completeness", OK)],
    ),
    ("Có 14/14 phường hoàn thành việc kiện toàn, đạt tỷ lệ 100%.", [("completeness", OK)]),
    ("Có 14/14 phường hoàn thành việc kiện toàn, đạt tỷ lệ 98%.", [("completeness", WRONG)]),
    # --- sums, total before or after the parts ----------------------------------------
    ("Kết nạp 120 đảng viên mới, trong đó 45 nữ và 75 nam.", [("sum", OK)]),
    ("Kết nạp 120 đảng viên mới, trong đó 45 nữ và 70 nam.", [("sum", WRONG)]),
    ("Khen thưởng 15 điển hình, gồm 5 tập thể và 10 cá nhân.", [("sum", OK)]),
    (
        "Ban Thường vụ Quận ủy khen thưởng gồm 5 tập thể và 10 cá nhân, tổng cộng 15 điển hình.",
        [("sum", OK)],
    ),
    (
        "Ban Thường vụ Quận ủy khen thưởng gồm 6 tập thể và 10 cá nhân, tổng cộng 15 điển hình.",
        [("sum", WRONG)],
    ),
    (
        "Quận có 12 đảng bộ cơ sở, 27 chi bộ cơ sở và 9 chi bộ trực thuộc, tổng cộng 48 tổ chức "
        "đảng.",
        [("sum", OK)],
    ),
    (
        "Quận có 12 đảng bộ cơ sở, 27 chi bộ cơ sở và 9 chi bộ trực thuộc, tổng cộng 46 tổ chức "
        "đảng.",
        [("sum", WRONG)],
    ),
    (
        "Tổ chức 31 lớp bồi dưỡng, bao gồm 9 lớp chính trị hè, 14 lớp đảng viên mới và 8 lớp sơ "
        "cấp.",
        [("sum", OK)],
    ),
    (
        "Tổ chức 31 lớp bồi dưỡng, bao gồm 9 lớp chính trị hè, 14 lớp đảng viên mới và 9 lớp sơ "
        "cấp.",
        [("sum", WRONG)],
    ),
    (
        "Năm 2023 phát triển 1.250 đảng viên, trong đó 1.000 đảng viên trẻ và 250 đảng viên "
        "trong doanh nghiệp.",
        [("sum", OK)],
    ),
    ("Đã phát hành 2 350 tài liệu, gồm 1 200 tờ gấp và 1 150 sách hỏi đáp.", [("sum", OK)]),
    ("Đã phát hành 2 350 tài liệu, gồm 1 200 tờ gấp và 1 050 sách hỏi đáp.", [("sum", WRONG)]),
    (
        "Tuyên truyền viên gồm 36 báo cáo viên cấp quận và 112 báo cáo viên cơ sở, tổng số 148 "
        "người.",
        [("sum", OK)],
    ),
    (
        "Tuyên truyền viên gồm 36 báo cáo viên cấp quận và 112 báo cáo viên cơ sở, tổng số 138 "
        "người.",
        [("sum", WRONG)],
    ),
    # added on review: "trong đó" listing personal traits names subsets that may overlap
    (
        "Ban Chấp hành Đảng bộ phường có 15 đồng chí, trong đó có 3 đồng chí nữ và 2 đồng chí "
        "là người dân tộc Hoa.",
        [("sum", UNCHECKED)],
    ),
    (
        "Ban Chấp hành có 15 đồng chí, trong đó 10 đồng chí có trình độ đại học và 8 đồng chí có "
        "trình độ cao cấp lý luận chính trị.",
        [("sum", UNCHECKED)],
    ),
    ("Ban Chấp hành có 15 đồng chí, trong đó 10 đồng chí nam và 4 đồng chí nữ.", [("sum", WRONG)]),
    # added on review: parts and total counting different things are no sum
    ("Tổ chức 5 lớp chính trị hè và 4 lớp đảng viên mới, tổng số 2.695 học viên.", []),
    # --- shares -------------------------------------------------------------------------
    ("Đảng bộ có 8.021 đảng viên, trong đó 1.200 đảng viên nữ, chiếm 14,96%.", [("share", OK)]),
    ("Đảng bộ có 8.021 đảng viên, trong đó 1.200 đảng viên nữ, chiếm 15,5%.", [("share", WRONG)]),
    ("Chi bộ có 3 đảng viên, trong đó 2 đảng viên nữ, chiếm 66,66%.", [("share", ROUNDING)]),
    ("Tổng số đảng viên là 8.021; nữ 3.000, chiếm tỷ lệ 37,4%.", [("share", OK)]),
    ("Đảng viên nữ có 3.000 đồng chí, chiếm 37,40% (tổng số 8.021 đảng viên).", [("share", OK)]),
    ("Đảng viên nữ có 3.000 đồng chí, chiếm 38,40% (tổng số 8.021 đảng viên).", [("share", WRONG)]),
    (
        "Số đảng viên trẻ là 1.200 đồng chí, chiếm 14,96% trên tổng số 8.021 đảng viên.",
        [("share", OK)],
    ),
    (
        "Số đảng viên trẻ là 1.200 đồng chí, chiếm 15,96% trên tổng số 8.021 đảng viên.",
        [("share", WRONG)],
    ),
    (
        "Số bài viết về gương người tốt việc tốt là 350 bài, chiếm 7,5% tổng số bài viết.",
        [("share", UNCHECKED)],
    ),
    # --- growth -------------------------------------------------------------------------
    ("Trang đã đăng 4.690 bài viết, tăng 12,5% so với năm trước (4.169 bài).", [("growth", OK)]),
    ("Trang đã đăng 4.690 bài viết, tăng 15,5% so với năm trước (4.169 bài).", [("growth", WRONG)]),
    ("Kết nạp 120 đảng viên mới, tăng 25% so với năm 2022 (96 đảng viên).", [("growth", OK)]),
    (
        "Số vụ việc phải xử lý là 1.530, giảm 10% so với năm trước (1.700 vụ việc).",
        [("growth", OK)],
    ),
    (
        "Số vụ việc phải xử lý là 1.530, giảm 12% so với năm trước (1.700 vụ việc).",
        [("growth", WRONG)],
    ),
    ("Tổ chức 9 lớp chính trị hè, tăng 1 lớp so với năm trước (8 lớp).", [("growth", OK)]),
    ("Tổ chức 9 lớp chính trị hè, tăng 2 lớp so với năm trước (8 lớp).", [("growth", WRONG)]),
    ("Lượt tương tác tăng 18% so với cùng kỳ năm trước.", [("growth", UNCHECKED)]),
    # --- rates on their own -------------------------------------------------------------
    ("Tỷ lệ đảng viên tham gia học tập nghị quyết đạt 96,2%.", [("rate", UNCHECKED)]),
    ("Đến nay đã có 100% tổ chức cơ sở đảng hoàn thành việc xây dựng chương trình hành động.", []),
    # --- figures that are not claims: nothing to recompute them from -------------------
    ("Trang đã có 17.096.939 lượt tương tác, 4.690 bài viết trong năm.", []),
    ("Đăng 4.690 bài viết, trong đó có nhiều bài thu hút 17.096.939 lượt xem.", []),
    (
        "Dịp này, Ban Thường vụ Quận ủy đã khen thưởng 5 tập thể và 10 cá nhân có thành tích "
        "xuất sắc.",
        [],
    ),
    # --- several kinds in one paragraph --------------------------------------------------
    (
        "Năm 2022, Ban Tuyên giáo đã tham mưu ban hành 667 văn bản; 51/51 tổ chức cơ sở đảng "
        "tổ chức học tập quán triệt với 6.513/6.970/8.021 đảng viên, đạt tỷ lệ 93,44% và 4.608 "
        "quần chúng tham gia.",
        [("completeness", OK), ("ratio", OK)],
    ),
    (
        "Tổ chức 9 lớp bồi dưỡng chính trị hè với 2.249/2.257 học viên, đạt tỷ lệ 99,64%; 5 lớp "
        "đảng viên mới với 439/446 học viên, đạt tỷ lệ 98,43%.",
        [("ratio", ROUNDING), ("ratio", OK)],
    ),
]


# Sentences whose numbers are not claims, each named by the pattern it exercises.
NOT_CLAIMS = [
    ("date", "Ngày 10/2/2023, Quận ủy tổ chức hội nghị tổng kết công tác tuyên giáo."),
    ("date", "Hội nghị diễn ra ngày 10/02 tại hội trường Quận ủy."),
    ("date", "Các ngày 10/2 và 15/3 là mốc quan trọng trong đợt sinh hoạt chính trị."),
    ("date", "Từ 30/4 đến 1/5, các đơn vị tổ chức trực bảo đảm an ninh."),
    ("around_the_clock", "Lực lượng dư luận xã hội trực 24/24 giờ, nắm tình hình 24/7."),
    ("date", "Tháng 2/2023 có nhiều hoạt động kỷ niệm 93 năm Ngày thành lập Đảng."),
    ("date", "Dịp 2/9 và lễ 30/4, các khu phố treo cờ Tổ quốc."),
    ("date", "Hội nghị được tổ chức vào lúc 8 giờ 30 ngày 15.3.2023 tại Hội trường A."),
    ("document_number", "Thực hiện Kế hoạch số 05-KH/QU và Nghị quyết 35-NQ/TW của Bộ Chính trị."),
    ("document_number", "Sơ kết Đề án 05 – ĐA/TU và Đề án số 05-ĐA/TU của Thành ủy."),
    ("document_number", "Theo Nghị định 13/2023/NĐ-CP và Quyết định 1234/QĐ-UBND của Ủy ban."),
    ("document_number", "Thực hiện Công văn số 2045/BTG ngày 12/3/2023 của Ban Tuyên giáo."),
    ("document_number", "Triển khai Quy định số 85-QĐ/BBT và Hướng dẫn 36-HD/VPTW."),
    ("year_range", "Tổng kết năm học 2022-2023 và năm học 2022/2023 của ngành giáo dục."),
    ("year_range", "Đánh giá giữa nhiệm kỳ Đại hội Đảng bộ quận, nhiệm kỳ 2020-2025."),
    ("year_range", "Giai đoạn 2021 – 2025, quận tập trung xây dựng chính quyền số."),
    ("phone_number", "Mọi ý kiến xin liên hệ số điện thoại 0903.123.456 hoặc 028.3829.1234."),
    ("phone_number", "Đường dây nóng 0903 123 456 hoặc (028) 38291234 tiếp nhận phản ánh."),
    ("house_number", "Trụ sở Đảng ủy phường đặt tại số 12/3 đường Nguyễn Du, phường Bến Nghé."),
    ("house_number", "Lớp học được tổ chức tại 45/7 Lê Thánh Tôn, phường Bến Nghé, Quận 1."),
    ("house_number", "Không gian văn hóa Hồ Chí Minh đặt tại hẻm 18/4 đường Trần Hưng Đạo."),
    ("code", "Cách mạng công nghiệp 4.0 và mạng 5G mở ra nhiều cơ hội chuyển đổi số."),
    ("code", "Ứng dụng được cài trên 1.250 máy, mã dự án DA-2023/07 do Ban Chỉ đạo quản lý."),
    ("code", "Phòng chống dịch COVID-19 và biến chủng XBB.1.5 trong khu dân cư."),
    ("legal_article", "Theo Điều 5, khoản 2 Quy định 85-QĐ/BBT, đảng viên phải gương mẫu."),
    ("legal_article", "Căn cứ điểm a khoản 1 Điều 11 Luật Báo chí năm 2016."),
    ("name_with_number", "Ban Chỉ đạo 35 Quận 1 và Hội nghị Trung ương 6 khóa XIII."),
    ("name_with_number", "Chi bộ Khu phố 3 và Tổ dân phố 12/5 phường Cầu Kho sinh hoạt chung."),
    ("target", "Phấn đấu 100% chi bộ tổ chức học tập, tỷ lệ đảng viên tham gia từ 90% trở lên."),
    ("target", "Chỉ tiêu: mỗi năm tổ chức ít nhất 8 lớp bồi dưỡng (chỉ tiêu ≥ 8 lớp)."),
    ("time_span", "Tham mưu sơ kết 5 năm thực hiện Nghị quyết 35-NQ/TW, 3 năm thực hiện Đề án."),
    ("ordinal", "Hội nghị lần thứ 4 Ban Chấp hành Trung ương khóa XIII, đợt 2 năm 2023."),
]


# Written with the corpus and kept apart: not looked at while the grammar was tuned.
HELD_OUT = [
    (
        "Qua khảo sát, 312/325 đảng viên đánh giá nội dung sinh hoạt thiết thực, đạt 96%.",
        [("ratio", OK)],
    ),
    (
        "Có 366/414 đảng viên phường Cô Giang tham gia học tập, đạt tỷ lệ 88,40%.",
        [("ratio", ROUNDING)],
    ),
    (
        "Có 366/414 đảng viên phường Cô Giang tham gia học tập, đạt tỷ lệ 84,40%.",
        [("ratio", WRONG)],
    ),
    ("Tỷ lệ hộ gia đình văn hóa là 96,49% (880/912 hộ).", [("ratio", OK)]),
    ("Tỷ lệ hộ gia đình văn hóa là 96.49% (880/912 hộ).", [("ratio", FORMAT)]),
    ("Đã có 95 trên tổng số 100 cơ quan, đơn vị hoàn thành, đạt tỷ lệ 95%.", [("ratio", OK)]),
    ("Có 2 trên tổng số 3 đảng viên dự bị được chuyển chính thức (66,7%).", [("ratio", OK)]),
    ("Có 2 trên tổng số 3 đảng viên dự bị được chuyển chính thức (67,7%).", [("ratio", WRONG)]),
    ("Khen thưởng 22 điển hình, gồm 7 tập thể và 15 cá nhân.", [("sum", OK)]),
    (
        "Khen thưởng gồm 7 tập thể và 14 cá nhân, tổng cộng 22 điển hình tiên tiến.",
        [("sum", WRONG)],
    ),
    ("Toàn quận có 57 tổ chức cơ sở đảng, trong đó 10 đảng bộ và 47 chi bộ cơ sở.", [("sum", OK)]),
    (
        "Toàn quận có 57 tổ chức cơ sở đảng, trong đó 11 đảng bộ và 47 chi bộ cơ sở.",
        [("sum", WRONG)],
    ),
    ("Quận có 315 đảng viên mới, tăng 5% so với năm trước (300 đảng viên).", [("growth", OK)]),
    ("Quận có 315 đảng viên mới, tăng 7% so với năm trước (300 đảng viên).", [("growth", WRONG)]),
    ("Tổng số tin bài 52 tin, tăng 12 tin so với năm trước (40 tin).", [("growth", OK)]),
    ("Số đảng viên nữ 3.000 đồng chí, chiếm 37,4% trên tổng số 8.021 đảng viên.", [("share", OK)]),
    (
        "Số đảng viên nữ 3.000 đồng chí, chiếm 73,4% trên tổng số 8.021 đảng viên.",
        [("share", WRONG)],
    ),
    (
        "Vào ngày 3/2/2023, tại số 8/12 đường Nam Kỳ Khởi Nghĩa, có 45/45 chi bộ báo cáo đầy đủ.",
        [("completeness", OK)],
    ),
    (
        "Theo Điều 8, khoản 3 Quy định số 22-QĐ/TW, có 22/24 đơn vị nộp báo cáo, đạt 91,67%.",
        [("ratio", OK)],
    ),
    (
        "Theo Kế hoạch 45-KH/QU ngày 10/3/2023 có 22/24 đơn vị nộp báo cáo, đạt 91,66%.",
        [("ratio", ROUNDING)],
    ),
]


# A second round, written after the grammar was tuned on the sentences above and run once
# before any change: other phrasings ("bằng", "trong tổng số", "a trên b", a space before
# "%", a list without "và"). The first run found 6 of 6 wrong figures with no false alarm,
# and got 4 of 36 sentences' other verdicts wrong; the grammar was then widened for them.
HELD_OUT_2 = [
    ("Đạt 100% (51/51 tổ chức cơ sở đảng) tổ chức hội nghị quán triệt.", [("completeness", OK)]),
    ("Số đảng viên tham gia học tập là 1.845/1.902 đồng chí, đạt 97%.", [("ratio", OK)]),
    ("318/340 cán bộ, công chức tham gia khảo sát, tỷ lệ 93,52%.", [("ratio", ROUNDING)]),
    ("Kết quả, 27/30 chi bộ xếp loại hoàn thành tốt nhiệm vụ, bằng 90%.", [("ratio", OK)]),
    ("Tỷ lệ người dân hài lòng đạt 96,4% (964/1.000 phiếu khảo sát).", [("ratio", OK)]),
    ("Có 2.413/2.578 hộ dân ký cam kết, đạt tỷ lệ 93,6 %.", [("ratio", OK)]),
    ("Có 2.413/2.578 hộ dân ký cam kết, đạt tỷ lệ 93,7 %.", [("ratio", WRONG)]),
    (
        "Trong 170 tin bài, có 156 tin bài được đăng trên Cổng thông tin, chiếm 91,76%.",
        [("share", OK)],
    ),
    (
        "Trong 170 tin bài, có 156 tin bài được đăng trên Cổng thông tin, chiếm 97,76%.",
        [("share", WRONG)],
    ),
    (
        "Toàn Đảng bộ có 3.284 đảng viên; số đảng viên tham gia sinh hoạt chi bộ định kỳ là "
        "3.120 đồng chí, chiếm 95,01%.",
        [("share", OK)],
    ),
    (
        "Trang Cột cờ Thủ Ngữ đăng 4.690 bài viết, tăng 12,50% so với năm 2021 (4.169 bài viết).",
        [("growth", OK)],
    ),
    (
        "Lượt truy cập năm 2023 đạt 2.150 nghìn lượt, tăng 7,5% so với năm 2022 (2.000 nghìn "
        "lượt).",
        [("growth", OK)],
    ),
    (
        "Số vụ việc tiêu cực được phản ánh là 86 vụ, giảm 14% so với năm trước (100 vụ).",
        [("growth", OK)],
    ),
    (
        "Số vụ việc tiêu cực được phản ánh là 86 vụ, tăng 14% so với năm trước (100 vụ).",
        [("growth", WRONG)],
    ),
    (
        "Tổ chức 1.845 buổi sinh hoạt, trong đó 860 buổi ở khu phố, 540 buổi ở cơ quan và 445 "
        "buổi ở trường học.",
        [("sum", OK)],
    ),
    (
        "Tổ chức 1.845 buổi sinh hoạt, trong đó 860 buổi ở khu phố, 540 buổi ở cơ quan và 455 "
        "buổi ở trường học.",
        [("sum", WRONG)],
    ),
    (
        "Đã thành lập 860 tổ tuyên truyền, 540 nhóm Zalo và 445 trang Facebook, tổng cộng 1.845 "
        "kênh thông tin.",
        [("sum", OK)],
    ),
    ("Lớp tập huấn có 45/48 học viên đạt loại khá trở lên (93,75%).", [("ratio", OK)]),
    ("Có 732/745 đảng viên hoàn thành thu hoạch, đạt 98,25%.", [("ratio", ROUNDING)]),
    ("12/13 phường hoàn thành chỉ tiêu, đạt 92,31%.", [("ratio", OK)]),
    (
        "Đến ngày 31/12/2023, có 411/430 đảng viên cài đặt ứng dụng, đạt tỷ lệ 95,58%.",
        [("ratio", OK)],
    ),
    (
        "Theo Quyết định số 123/QĐ-UBND ngày 05/01/2023, có 205/219 hồ sơ được duyệt, đạt 93,6%.",
        [("ratio", OK)],
    ),
    (
        "Theo Quyết định số 123/QĐ-UBND ngày 05/01/2023, có 205/219 hồ sơ được duyệt, đạt 96,3%.",
        [("ratio", WRONG)],
    ),
    ("Ban Tuyên giáo phối hợp tổ chức 3 đợt sinh hoạt chính trị cho 2.578 lượt người tham dự.", []),
    ("Khu phố 5, phường Cầu Ông Lãnh có 88/93 hộ treo cờ, đạt 94,62%.", [("ratio", OK)]),
    ("Liên hệ: Ban Tuyên giáo Quận ủy, số 25/7 Lê Duẩn, điện thoại 028.38 222 333.", []),
    (
        "Nhiệm kỳ 2020 - 2025, phấn đấu 100% khu phố có tổ tuyên truyền; đến nay đạt 12/13 phường.",
        [("ratio", UNCHECKED)],
    ),
    (
        "Tỷ lệ đảng viên được đánh giá hoàn thành tốt nhiệm vụ trở lên chiếm 85,2%.",
        [("rate", UNCHECKED)],
    ),
    ("Có 318 trên 340 cán bộ tham gia, đạt 93,53%.", [("ratio", OK)]),
    ("Số đảng viên dự học đạt 1.845/1.902, bằng 97,00%.", [("ratio", OK)]),
    (
        "Tổng số đảng viên toàn Đảng bộ: 1.902 đồng chí; trong đó, đảng viên nữ: 845 đồng chí, "
        "đảng viên nam: 1.057 đồng chí.",
        [("sum", OK)],
    ),
    (
        "Kết quả đánh giá: 56 chi bộ hoàn thành xuất sắc, 120 chi bộ hoàn thành tốt và 12 chi bộ "
        "hoàn thành nhiệm vụ, tổng số 188 chi bộ.",
        [("sum", OK)],
    ),
    (
        "Kết quả đánh giá: 56 chi bộ hoàn thành xuất sắc, 120 chi bộ hoàn thành tốt và 12 chi bộ "
        "hoàn thành nhiệm vụ, tổng số 198 chi bộ.",
        [("sum", WRONG)],
    ),
    ("Có 6.513 trong tổng số 6.970 đảng viên tham gia học tập, đạt 93,44%.", [("ratio", OK)]),
    ("Đạt tỷ lệ 93,44% (6.513/6.970 đảng viên).", [("ratio", OK)]),
    ("Trong năm có 2.578 lượt người tham dự các buổi sinh hoạt.", []),
]


# A third round: whole paragraphs of Party news, with many numbers that are not claims.
# On its first run the paragraph got two false alarms (a total taken from a parenthesis,
# a share taken of a sibling share), since fixed; the copy with three errors is found.
NEWS = (
    "Sáng ngày 15/01/2024, Đảng ủy phường Tân Định tổ chức Hội nghị tổng kết công tác xây"
    " dựng Đảng năm 2023 và triển khai phương hướng, nhiệm vụ năm 2024. Dự hội nghị có "
    "đồng chí Nguyễn Văn Hùng, Quận ủy viên, Bí thư Đảng ủy phường; 45 đồng chí là bí "
    "thư, phó bí thư các chi bộ trực thuộc.\n"
    "Theo báo cáo, năm 2023 Đảng bộ phường có 26 chi bộ trực thuộc với 612 đảng viên "
    "(trong đó có 58 đảng viên dự bị). Đảng ủy đã lãnh đạo 26/26 chi bộ tổ chức học tập, "
    "quán triệt Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XIII với"
    " 574/612 đảng viên tham dự, đạt tỷ lệ 93,79%. Công tác phát triển đảng viên được "
    "quan tâm, kết nạp 18 đảng viên mới, đạt 120% chỉ tiêu được giao (15 đảng viên), "
    "trong đó có 7 đảng viên là đoàn viên ưu tú và 11 đảng viên là quần chúng tiêu biểu ở"
    " khu phố.\n"
    "Kết quả đánh giá, xếp loại chất lượng tổ chức đảng năm 2023: có 5 chi bộ hoàn thành "
    "xuất sắc nhiệm vụ (chiếm 19,23%), 19 chi bộ hoàn thành tốt nhiệm vụ (chiếm 73,07%), "
    "2 chi bộ hoàn thành nhiệm vụ (chiếm 7,69%). Về đảng viên, có 86/596 đảng viên hoàn "
    "thành xuất sắc nhiệm vụ (14,43%), 472/596 đảng viên hoàn thành tốt nhiệm vụ "
    "(79,19%); 16 đảng viên được miễn đánh giá theo Quy định số 132-QĐ/TW.\n"
    "Công tác tuyên truyền được đẩy mạnh với 1.236 tin, bài đăng trên trang thông tin "
    "điện tử phường, tăng 8,3% so với năm 2022 (1.141 tin, bài); tổ chức 42 buổi nói "
    'chuyện chuyên đề cho 3 850 lượt cán bộ, đảng viên và nhân dân. Quỹ "Vì người nghèo" '
    "vận động được 1,2 tỷ đồng, hỗ trợ xây dựng 3 căn nhà tình thương tại hẻm 65/12 Trần "
    "Quang Khải và số 7/4 đường Hai Bà Trưng. Đường dây nóng: 0283.820.1234.\n"
    "Năm 2024, phấn đấu 100% chi bộ hoàn thành nhiệm vụ trở lên, kết nạp ít nhất 15 đảng "
    "viên mới, tỷ lệ đảng viên tham gia học tập nghị quyết đạt trên 95%. Hội nghị đã khen"
    " thưởng 4 tập thể và 12 cá nhân, tổng cộng 16 điển hình có thành tích xuất sắc theo "
    "Quyết định số 25-QĐ/ĐU ngày 10/01/2024."
)
NEWS_WITH_ERRORS = (
    "Sáng ngày 15/01/2024, Đảng ủy phường Tân Định tổ chức Hội nghị tổng kết công tác xây"
    " dựng Đảng năm 2023 và triển khai phương hướng, nhiệm vụ năm 2024. Dự hội nghị có "
    "đồng chí Nguyễn Văn Hùng, Quận ủy viên, Bí thư Đảng ủy phường; 45 đồng chí là bí "
    "thư, phó bí thư các chi bộ trực thuộc.\n"
    "Theo báo cáo, năm 2023 Đảng bộ phường có 26 chi bộ trực thuộc với 612 đảng viên "
    "(trong đó có 58 đảng viên dự bị). Đảng ủy đã lãnh đạo 26/26 chi bộ tổ chức học tập, "
    "quán triệt Nghị quyết Hội nghị lần thứ 8 Ban Chấp hành Trung ương Đảng khóa XIII với"
    " 574/612 đảng viên tham dự, đạt tỷ lệ 93,97%. Công tác phát triển đảng viên được "
    "quan tâm, kết nạp 18 đảng viên mới, đạt 120% chỉ tiêu được giao (15 đảng viên), "
    "trong đó có 7 đảng viên là đoàn viên ưu tú và 12 đảng viên là quần chúng tiêu biểu ở"
    " khu phố.\n"
    "Kết quả đánh giá, xếp loại chất lượng tổ chức đảng năm 2023: có 5 chi bộ hoàn thành "
    "xuất sắc nhiệm vụ (chiếm 19,23%), 19 chi bộ hoàn thành tốt nhiệm vụ (chiếm 75,07%), "
    "2 chi bộ hoàn thành nhiệm vụ (chiếm 7,69%). Về đảng viên, có 86/596 đảng viên hoàn "
    "thành xuất sắc nhiệm vụ (14,43%), 472/596 đảng viên hoàn thành tốt nhiệm vụ "
    "(79,19%); 16 đảng viên được miễn đánh giá theo Quy định số 132-QĐ/TW.\n"
    "Công tác tuyên truyền được đẩy mạnh với 1.236 tin, bài đăng trên trang thông tin "
    "điện tử phường, tăng 8,3% so với năm 2022 (1.141 tin, bài); tổ chức 42 buổi nói "
    'chuyện chuyên đề cho 3 850 lượt cán bộ, đảng viên và nhân dân. Quỹ "Vì người nghèo" '
    "vận động được 1,2 tỷ đồng, hỗ trợ xây dựng 3 căn nhà tình thương tại hẻm 65/12 Trần "
    "Quang Khải và số 7/4 đường Hai Bà Trưng. Đường dây nóng: 0283.820.1234.\n"
    "Năm 2024, phấn đấu 100% chi bộ hoàn thành nhiệm vụ trở lên, kết nạp ít nhất 15 đảng "
    "viên mới, tỷ lệ đảng viên tham gia học tập nghị quyết đạt trên 95%. Hội nghị đã khen"
    " thưởng 4 tập thể và 12 cá nhân, tổng cộng 16 điển hình có thành tích xuất sắc theo "
    "Quyết định số 25-QĐ/ĐU ngày 10/01/2024."
)
PARAGRAPHS = [
    (
        NEWS,
        [
            ("completeness", OK),
            ("ratio", OK),
            ("ratio", OK),
            ("sum", OK),
            ("share", OK),
            ("share", ROUNDING),
            ("share", OK),
            ("ratio", OK),
            ("ratio", OK),
            ("growth", OK),
            ("sum", OK),
        ],
    ),
    (
        NEWS_WITH_ERRORS,
        [
            ("completeness", OK),
            ("ratio", WRONG),
            ("ratio", OK),
            ("sum", WRONG),
            ("share", OK),
            ("share", WRONG),
            ("share", OK),
            ("ratio", OK),
            ("ratio", OK),
            ("growth", OK),
            ("sum", OK),
        ],
    ),
]


# A fourth round, a ward's report: targets met against an estimate, a base year in
# parentheses before «tăng». First run: both were left unchecked; since read.
WARD = (
    "Năm 2023, Đảng bộ phường Bến Thành lãnh đạo thực hiện đạt và vượt 10/10 chỉ tiêu "
    "Nghị quyết Đại hội XIII; có 9/10 chỉ tiêu đạt và vượt, 1/10 chỉ tiêu chưa đạt. Trong"
    " 6 tháng đầu năm 2023, phường tổ chức 12 lớp với 1.530 học viên, trong đó 980 học "
    "viên là đảng viên. Tổng số đảng viên toàn Đảng bộ là 2.456 đồng chí, tăng 3,2% so "
    "với đầu nhiệm kỳ. Có 2.500 lượt đoàn viên, thanh niên tham gia, tăng 500 lượt so với"
    " năm 2022.\n"
    "Thu ngân sách đạt 1.520 tỷ đồng, đạt 105,2% dự toán (1.445 tỷ đồng). Phường có 1.245"
    " hộ được hỗ trợ (trong đó 245 hộ nghèo và 1.000 hộ cận nghèo). Tỷ lệ đảng viên tham "
    "gia học tập đạt từ 90% đến 95%; tỷ lệ tăng trưởng đạt 7,5%.\n"
    "Văn phòng Đảng ủy đặt tại số 86 Lê Thánh Tôn; điện thoại (028) 3822 5566. Thực hiện "
    "Chỉ thị 05-CT/TW giai đoạn 2021-2025, có 3/3 đồng chí Ủy viên Ban Thường vụ đăng ký "
    "nêu gương.\n"
    "Số bài viết trên trang fanpage là 450 bài (năm 2022: 380 bài), tăng 18,42%. Có 35 "
    "trên 38 khu phố tổ chức ngày hội đại đoàn kết, đạt 92,1%."
)
WARD_WITH_ERRORS = (
    "Năm 2023, Đảng bộ phường Bến Thành lãnh đạo thực hiện đạt và vượt 10/10 chỉ tiêu "
    "Nghị quyết Đại hội XIII; có 9/10 chỉ tiêu đạt và vượt, 1/10 chỉ tiêu chưa đạt. Trong"
    " 6 tháng đầu năm 2023, phường tổ chức 12 lớp với 1.530 học viên, trong đó 980 học "
    "viên là đảng viên. Tổng số đảng viên toàn Đảng bộ là 2.456 đồng chí, tăng 3,2% so "
    "với đầu nhiệm kỳ. Có 2.500 lượt đoàn viên, thanh niên tham gia, tăng 500 lượt so với"
    " năm 2022.\n"
    "Thu ngân sách đạt 1.520 tỷ đồng, đạt 102,5% dự toán (1.445 tỷ đồng). Phường có 1.245"
    " hộ được hỗ trợ (trong đó 245 hộ nghèo và 1.000 hộ cận nghèo). Tỷ lệ đảng viên tham "
    "gia học tập đạt từ 90% đến 95%; tỷ lệ tăng trưởng đạt 7,5%.\n"
    "Văn phòng Đảng ủy đặt tại số 86 Lê Thánh Tôn; điện thoại (028) 3822 5566. Thực hiện "
    "Chỉ thị 05-CT/TW giai đoạn 2021-2025, có 3/3 đồng chí Ủy viên Ban Thường vụ đăng ký "
    "nêu gương.\n"
    "Số bài viết trên trang fanpage là 450 bài (năm 2022: 380 bài), tăng 18,24%. Có 35 "
    "trên 38 khu phố tổ chức ngày hội đại đoàn kết, đạt 92,1%."
)
PARAGRAPHS += [
    (
        WARD,
        [
            ("completeness", OK),
            ("ratio", UNCHECKED),
            ("ratio", UNCHECKED),
            ("growth", UNCHECKED),
            ("growth", UNCHECKED),
            ("ratio", OK),
            ("sum", OK),
            ("rate", UNCHECKED),
            ("completeness", OK),
            ("growth", OK),
            ("ratio", OK),
        ],
    ),
    (
        WARD_WITH_ERRORS,
        [
            ("completeness", OK),
            ("ratio", UNCHECKED),
            ("ratio", UNCHECKED),
            ("growth", UNCHECKED),
            ("growth", UNCHECKED),
            ("ratio", WRONG),
            ("sum", OK),
            ("rate", UNCHECKED),
            ("completeness", OK),
            ("growth", WRONG),
            ("ratio", OK),
        ],
    ),
]


# A fifth round, sentences again, written after round four and run once before any change.
# First run: 3 of the 5 wrong figures found, no false alarm; 5 of 17 sentences got another
# verdict (marked "first run: …"), and the grammar was widened for them.
HELD_OUT_3 = [
    ("Kết quả có 1.532/1.600 đảng viên tham gia học tập (đạt tỷ lệ 95,75%).", [("ratio", OK)]),
    ("Kết quả có 1.532/1.600 đảng viên tham gia học tập (đạt tỷ lệ 97,55%).", [("ratio", WRONG)]),
    ("Số lượt người tham dự là 12.500 lượt, bằng 104,2% kế hoạch (12.000 lượt).", [("ratio", OK)]),
    (
        "Số lượt người tham dự là 12.500 lượt, bằng 102,4% kế hoạch (12.000 lượt).",
        [("ratio", WRONG)],
    ),
    ("Có 1.200/1.250 đảng viên (96%) tham gia lấy ý kiến góp ý dự thảo văn kiện.", [("ratio", OK)]),
    (
        "Trong tổng số 1.250 đảng viên, có 1.200 đồng chí tham gia, đạt 96%.",  # first run: rate
        [("ratio", OK)],
    ),
    (
        "Trong tổng số 1.250 đảng viên, có 1.200 đồng chí tham gia, đạt 69%.",  # first run: rate
        [("ratio", WRONG)],
    ),
    (
        "Khen thưởng 15 điển hình, cụ thể: 5 tập thể và 10 cá nhân.",  # first run: none
        [("sum", OK)],
    ),
    (
        "Khen thưởng 15 điển hình, cụ thể: 5 tập thể và 11 cá nhân.",  # first run: none
        [("sum", WRONG)],
    ),
    (
        "Ban Chỉ đạo gồm: 7 đồng chí cấp quận, 20 đồng chí cấp phường; tổng số 27 đồng chí.",
        [("sum", OK)],
    ),  # first run: none
    ("Tỷ lệ: 95,5%.", [("rate", UNCHECKED)]),
    ("Đăng 4.690 bài, tăng 12,5% so với cùng kỳ năm 2022 (4.169 bài).", [("growth", OK)]),
    ("Có 27/29 chi bộ tổ chức sinh hoạt chuyên đề đúng quy định, đạt 93,10%.", [("ratio", OK)]),
    ("Lấy ý kiến 325 đảng viên, có 318 đồng chí đồng tình, chiếm 97,85%.", [("share", OK)]),
    ("Lấy ý kiến 325 đảng viên, có 318 đồng chí đồng tình, chiếm 98,85%.", [("share", WRONG)]),
    ("Hội nghị lần thứ 8 Ban Chấp hành Trung ương khóa XIII họp từ ngày 2 đến ngày 7/10/2023.", []),
    (
        "Có 865/900 hội viên tham gia, đạt tỷ lệ 96,11 %; 35 hội viên vắng có lý do.",
        [("ratio", OK)],
    ),
]
