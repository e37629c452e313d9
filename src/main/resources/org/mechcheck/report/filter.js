// Optional: both filters at once. Without scripts the index and the by/ pages work as they are.
(function () {
  var box = document.getElementById("live-filter");
  if (!box) return;
  box.hidden = false;
  var src = document.getElementById("f-source"), ver = document.getElementById("f-verdict"), count = document.getElementById("f-count");
  function apply() {
    var rows = document.querySelectorAll("#claims tbody tr"), shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var r = rows[i];
      var ok = (!src.value || (" " + r.getAttribute("data-sources") + " ").indexOf(" " + src.value + " ") >= 0)
        && (!ver.value || r.getAttribute("data-verdict") === ver.value);
      r.hidden = !ok;
      if (ok) shown++;
    }
    count.textContent = shown + " shown";
  }
  src.addEventListener("change", apply);
  ver.addEventListener("change", apply);
  apply();
})();
