/* section16 web UI behaviour: small progressive enhancements; every page works without it. */
(function () {
  "use strict";
  /* Filters are GET forms, so a screen's URL holds its filters and can be shared. Leave empty fields
     out of the URL to keep it short and readable. */
  function tidyFilterForms() {
    var forms = document.querySelectorAll("form.filters");
    Array.prototype.forEach.call(forms, function (form) {
      form.addEventListener("submit", function () {
        Array.prototype.forEach.call(form.elements, function (input) {
          if (!input.name) return;
          var empty = input.tagName === "SELECT" && input.multiple
            ? input.selectedOptions.length === 0
            : input.value === "";
          if (empty) input.disabled = true;
        });
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", tidyFilterForms);
  else tidyFilterForms();
})();
