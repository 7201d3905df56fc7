package org.basinbench.report;

/**
 * The report page's inlined style sheet and drawing script, written once into every
 * report.html by {@link ReportWriter}.
 */
final class PageAssets {
  /** The page's style sheet: layout, summary and certificate tables, notes and problems. */
  static final String CSS = """
      body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0 auto;max-width:1200px;padding:0 16px;\
      color:#222}
      h1{margin-bottom:4px}h2{border-bottom:2px solid #ddd;padding-bottom:4px;margin-top:40px}
      code,pre{font-family:ui-monospace,Menlo,Consolas,monospace;font-size:12px}
      pre{background:#f6f6f6;padding:8px;overflow:auto;max-height:400px;white-space:pre-wrap}
      nav ul{display:flex;flex-wrap:wrap;gap:4px 16px;padding:0;list-style:none}
      .description{max-width:900px;line-height:1.4}.note{color:#555;font-size:13px}
      .problem{color:#b00}.figure{margin:24px 0}.chart{min-height:300px}
      table{border-collapse:collapse;font-size:13px}th,td{padding:2px 8px;text-align:left;vertical-align:top}
      table.summary th{color:#555;font-weight:normal}table.data{white-space:nowrap}
      table.data th{border-bottom:1px solid #999}table.data td{border-bottom:1px solid #eee}
      td.num{text-align:right;font-variant-numeric:tabular-nums}.scroll{overflow:auto}
      """;

  /**
   * Decompresses Plotly, draws every figure, and records the outcome in
   * {@code window.basinbenchReport} and {@code #report-status} (read by the browser test):
   * each chart's id and its number of drawn marks, and every error.
   */
  static final String SCRIPT = """
      (function () {
        var status = {done: false, plotly: null, charts: [], errors: []};
        window.basinbenchReport = status;
        window.addEventListener('error', function (e) { status.errors.push(String(e.message)); });
        function fail(e) {
          status.errors.push(String(e && e.stack || e));
          var p = document.getElementById('report-error');
          p.textContent = 'The charts could not be drawn: ' + (e && e.message || e);
          p.hidden = false;
        }
        function marks(div) {
          var n = 0;
          div.querySelectorAll('g.trace path').forEach(function (p) {
            var d = p.getAttribute('d');
            if (d && d.length > 4 && d !== 'M0,0Z') { n++; }
          });
          return n;
        }
        async function loadPlotly() {
          if (typeof DecompressionStream === 'undefined') {
            throw new Error('this browser lacks DecompressionStream (Chrome 80, Firefox 113, Safari 16.4 or newer)');
          }
          var b64 = document.getElementById('plotly-gz').textContent.trim();
          var bin = atob(b64);
          var bytes = new Uint8Array(bin.length);
          for (var i = 0; i < bin.length; i++) { bytes[i] = bin.charCodeAt(i); }
          var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
          var source = await new Response(stream).text();
          (0, eval)(source);
        }
        async function draw() {
          await loadPlotly();
          status.plotly = window.Plotly.version;
          var figures = JSON.parse(document.getElementById('report-figures').textContent);
          for (var i = 0; i < figures.length; i++) {
            var f = figures[i];
            var div = document.getElementById(f.id);
            await window.Plotly.newPlot(div, f.data, f.layout, {responsive: true, displaylogo: false});
            status.charts.push({id: f.id, marks: marks(div)});
          }
        }
        draw().catch(fail).finally(function () {
          status.done = true;
          document.getElementById('report-status').textContent = JSON.stringify(status);
        });
      })();
      """;

  private PageAssets() {}
}
