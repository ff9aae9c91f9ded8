// Units one by one: search (accents and đ ignored, as the server's fold), tick, and a
// running count; the server's preview gives the final "giao cho N đơn vị" before saving.
(function () {
  "use strict";
  var box = document.querySelector("[data-choose-units]");
  if (!box) return;
  var search = box.querySelector("[data-unit-search]");
  var count = box.querySelector("[data-unit-count]");
  var items = Array.prototype.slice.call(box.querySelectorAll("[data-unit-item]"));
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  function recount() {
    var n = box.querySelectorAll("input[type=checkbox]:checked").length;
    count.textContent = count.dataset.template.replace("__N__", n.toLocaleString("vi-VN"));
  }
  search.addEventListener("input", function () {
    var words = fold(search.value).split(/\s+/).filter(Boolean);
    items.forEach(function (item) {
      var text = fold(item.dataset.search);
      item.hidden = !words.every(function (w) { return text.indexOf(w) !== -1; });
    });
  });
  box.addEventListener("change", recount);
  recount();
})();
