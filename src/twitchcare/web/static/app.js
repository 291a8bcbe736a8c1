/* twitchcare: small enhancements; every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function focusErrors() {
    var summary = document.querySelector(".error-summary");
    if (summary) { summary.focus(); }
  }

  function bodyMap(fieldset) {
    /* A place on the figure ticks the box that names it, or the part of the body holding it
       ("Legs or feet" on the first page, "Calf or shin" on the page about the legs). */
    var boxes = {};
    fieldset.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      (box.getAttribute("data-places") || box.value).split(" ").forEach(function (place) {
        if (!boxes[place]) { boxes[place] = box; }
      });
    });
    var regions = fieldset.querySelectorAll(".region");
    function sync() {
      regions.forEach(function (region) {
        var box = boxes[region.getAttribute("data-loc")];
        if (!box) { return; }
        region.classList.toggle("on", box.checked);
        region.setAttribute("aria-checked", box.checked ? "true" : "false");
      });
    }
    regions.forEach(function (region) {
      var box = boxes[region.getAttribute("data-loc")];
      if (!box) { region.classList.add("off-map"); region.setAttribute("aria-hidden", "true"); return; }
      var boxLabel = fieldset.querySelector("label[for='" + box.id + "']");
      var boxText = boxLabel ? boxLabel.textContent : box.value;
      var place = region.getAttribute("data-label") || boxText;
      var side = region.closest("figure").querySelector("figcaption").textContent;
      var name = place + " (" + side + ")";
      if (place !== boxText) { name += ", " + boxText; }
      region.setAttribute("role", "checkbox");
      region.setAttribute("tabindex", "0");
      region.setAttribute("aria-label", name);
      function toggle() { box.checked = !box.checked; sync(); }
      region.addEventListener("click", toggle);
      region.addEventListener("keydown", function (event) {
        if (event.key === " " || event.key === "Enter") { event.preventDefault(); toggle(); }
      });
    });
    fieldset.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      box.addEventListener("change", sync);
    });
    sync();
  }

  function openDetailsForPrint() {
    /* Closed <details> would print empty; a printed result shows everything. */
    window.addEventListener("beforeprint", function () {
      document.querySelectorAll("details:not([open])").forEach(function (d) {
        d.setAttribute("open", "");
        d.setAttribute("data-opened-for-print", "");
      });
    });
    window.addEventListener("afterprint", function () {
      document.querySelectorAll("details[data-opened-for-print]").forEach(function (d) {
        d.removeAttribute("open");
        d.removeAttribute("data-opened-for-print");
      });
    });
  }

  function printButtons() {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    focusErrors();
    document.querySelectorAll("[data-bodymap]").forEach(bodyMap);
    printButtons();
    openDetailsForPrint();
  });
}());
