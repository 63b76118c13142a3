/* The review queue by keyboard: c confirms, r rejects, n moves on without deciding.
 *
 * Keys act only when no field has the focus, so typing a printed speaker
 * never confirms by accident; without this script the buttons do the same.
 */
(function () {
  "use strict";

  var actions = {
    c: function () { return document.querySelector("input[name=_confirm]"); },
    r: function () { return document.querySelector("input[name=_reject]"); },
    n: function () { return document.getElementById("review-next"); }
  };

  function typing(target) {
    if (!target || !target.closest) {
      return false;
    }
    return Boolean(target.closest("input, textarea, select, [contenteditable], .select2-container"));
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat || typing(event.target)) {
      return;
    }
    var find = actions[event.key];
    var control = find && find();
    if (control) {
      event.preventDefault();
      control.click();
    }
  });
})();
