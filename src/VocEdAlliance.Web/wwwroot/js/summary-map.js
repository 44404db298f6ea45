// The China map of the summaries: lines between paired provinces, weighted by the number of pairings; click a
// province to drill the by-region table into it. Everything comes from the portal (ECharts and the map are vendored).
// The table under the map holds the same numbers for people who cannot use the chart.
(function () {
  'use strict';
  var element = document.getElementById('china-map');
  var data = document.getElementById('china-map-pairs');
  if (!element || !data || !window.echarts) { return; }
  var pairs = JSON.parse(data.textContent);
  fetch(element.getAttribute('data-map'), { credentials: 'same-origin' })
    .then(function (response) { return response.json(); })
    .then(function (geo) {
      window.echarts.registerMap('china', geo);
      var centres = {};
      var codes = {};
      geo.features.forEach(function (f) {
        centres[String(f.id).substring(0, 2)] = f.properties.cp;
        codes[f.properties.name] = String(f.id).substring(0, 2);
      });
      var weight = {};
      var most = 1;
      pairs.forEach(function (p) {
        weight[p.from] = (weight[p.from] || 0) + p.pairings;
        if (p.to !== p.from) { weight[p.to] = (weight[p.to] || 0) + p.pairings; }
        most = Math.max(most, p.pairings);
      });
      var lines = pairs
        .filter(function (p) { return p.from !== p.to && centres[p.from] && centres[p.to]; })
        .map(function (p) {
          return { coords: [centres[p.from], centres[p.to]], value: p.pairings, lineStyle: { width: 1 + 7 * p.pairings / most } };
        });
      whenSized(function () { draw(geo, codes, weight, lines); });
    })
    .catch(function () { element.hidden = true; });

  // ECharts fails (a null transform) when the map is laid out in a box of no size, which a phone's page can briefly
  // give it while it is still being laid out: draw, and redraw on resize, only when the box has a size.
  function sized() { return element.clientWidth > 0 && element.clientHeight > 0; }
  function whenSized(run) {
    if (sized()) { run(); } else { window.requestAnimationFrame(function () { whenSized(run); }); }
  }

  function draw(geo, codes, weight, lines) {
    var chart = window.echarts.init(element);
    chart.setOption({
      tooltip: { trigger: 'item' },
      geo: { map: 'china', roam: false, itemStyle: { areaColor: '#eef2f7', borderColor: '#9aa9b8' },
             emphasis: { itemStyle: { areaColor: '#cfe0f3' } } },
      series: [
        { type: 'map', map: 'china', geoIndex: 0,
          data: geo.features.map(function (f) {
            var code = String(f.id).substring(0, 2);
            return { name: f.properties.name, value: weight[code] || 0, code: code };
          }) },
        { type: 'lines', coordinateSystem: 'geo', data: lines, zlevel: 1, silent: true,
          lineStyle: { color: '#1f4e79', opacity: 0.75, curveness: 0.2 } }
      ],
      visualMap: { min: 0, max: Math.max.apply(null, [1].concat(Object.keys(weight).map(function (k) { return weight[k]; }))),
                   inRange: { color: ['#eef2f7', '#1f4e79'] }, seriesIndex: 0, left: 'left', bottom: 0, calculable: false }
    });
    chart.on('click', function (params) {
      // A click on the map reaches us from the geo layer (by region name) or the map series (with its data).
      var code = (params.data && params.data.code) || codes[params.name];
      if (code) {
        var url = new URL(window.location.href);
        url.searchParams.set('region', code);
        url.hash = 'heading-regions';
        window.location.href = url.toString();
      }
    });
    window.addEventListener('resize', function () { if (sized()) { chart.resize(); } });
  }
})();
