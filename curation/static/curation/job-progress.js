// Refresh the progress bars of running jobs every two seconds, without a reload.
// The page reads the same without this script; it only saves pressing reload.
(function () {
  "use strict";
  function refresh(holder) {
    var url = holder.getAttribute("data-job-progress");
    if (!url) return;
    fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (job) {
        if (!job) return;
        var bar = holder.querySelector("progress");
        bar.max = Math.max(job.total, 1);
        bar.value = job.done;
        bar.textContent = Math.round((100 * job.done) / Math.max(job.total, 1)) + " %";
        holder.querySelector(".job-progress-text").textContent = job.done + " of " + job.total;
        if (job.finished) {
          holder.setAttribute("data-job-progress", "");
          holder.querySelector(".job-progress-text").textContent += " (" + job.state + ")";
        } else {
          window.setTimeout(function () { refresh(holder); }, 2000);
        }
      })
      .catch(function () { /* Try again at the next reload. */ });
  }
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-job-progress]").forEach(function (holder) {
      window.setTimeout(function () { refresh(holder); }, 2000);
    });
  });
})();
