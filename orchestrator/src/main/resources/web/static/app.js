// The dashboard's only script (the Content-Security-Policy allows no inline script): local times, the throughput
// chart, and keyboard navigation between posts. htmx does the partial refreshes from the pages' hx-* attributes.
(function () {
  "use strict";

  // <time datetime="ISO"> shows UTC until this rewrites it in the browser's time zone.
  function localTimes(root) {
    root.querySelectorAll("time[datetime]").forEach(function (el) {
      var when = new Date(el.getAttribute("datetime"));
      if (!isNaN(when)) {
        el.textContent = when.toLocaleString();
        el.title = el.getAttribute("datetime");
      }
    });
  }

  function throughputChart(el) {
    var width = function () { return Math.max(280, el.clientWidth); };
    var chart = null;
    function draw(series) {
      var data = [series.minutes, series.done, series.failed];
      if (chart === null) {
        chart = new uPlot({
          width: width(), height: 220,
          series: [{}, { label: "done", stroke: "#2e7d32", width: 2 }, { label: "failed", stroke: "#c62828", width: 2 }],
          axes: [{}, { label: "jobs/min" }]
        }, data, el);
      } else {
        chart.setData(data);
      }
    }
    function load() {
      fetch(el.dataset.source, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(draw)
        .catch(function () { /* the next refresh tries again */ });
    }
    load();
    setInterval(load, 5000);
    window.addEventListener("resize", function () { if (chart) { chart.setSize({ width: width(), height: 220 }); } });
  }

  // j/k or the arrow keys move to the previous/next post where a page offers them.
  function postKeys() {
    document.addEventListener("keydown", function (e) {
      if (e.target.closest("input, textarea, select") || e.altKey || e.ctrlKey || e.metaKey) {
        return;
      }
      var rel = (e.key === "ArrowLeft" || e.key === "k") ? "prev" : (e.key === "ArrowRight" || e.key === "j") ? "next" : null;
      var link = rel && document.querySelector("a[rel~=" + rel + "]");
      if (link) {
        link.click();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    localTimes(document);
    var chart = document.getElementById("throughput");
    if (chart && window.uPlot) {
      throughputChart(chart);
    }
    postKeys();
  });
  document.addEventListener("htmx:afterSwap", function (e) { localTimes(e.target); });
})();
