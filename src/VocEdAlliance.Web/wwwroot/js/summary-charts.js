// The charts of the summaries: the China map (provinces shaded by agreements, lines from East to West between paired
// provinces, click a province to narrow every panel to it) and the activities by year and kind. ECharts and the map
// are served by the portal; ECharts is fetched only once a chart comes near the screen. Every chart has a table beside
// it with the same numbers, for people who cannot use the chart.
(function () {
  'use strict';
  var source = document.getElementById('summary-chart-data');
  var charts = Array.prototype.slice.call(document.querySelectorAll('[data-chart]'));
  if (!source || charts.length === 0) { return; }
  var data = JSON.parse(source.textContent);
  var library = null;

  function loadLibrary() {
    if (!library) {
      library = new Promise(function (resolve, reject) {
        if (window.echarts) { resolve(window.echarts); return; }
        var script = document.createElement('script');
        script.src = source.getAttribute('data-echarts');
        script.onload = function () { resolve(window.echarts); };
        script.onerror = reject;
        document.head.appendChild(script);
      });
    }
    return library;
  }

  // ECharts fails (a null transform) in a box of no size, which a phone's page can briefly give it while it is laid
  // out: draw, and redraw on resize, only when the box has a size.
  function whenSized(element, run) {
    if (element.clientWidth > 0 && element.clientHeight > 0) { run(); }
    else { window.requestAnimationFrame(function () { whenSized(element, run); }); }
  }

  function format(template, value) { return template.replace('{0}', Number(value).toLocaleString(document.documentElement.lang || undefined)); }

  function drawMap(echarts, element) {
    var country = data.level === 'country';
    return fetch(data.map, { credentials: 'same-origin' })
      .then(function (response) { return response.json(); })
      .then(function (geo) {
        var name = country ? 'china' : 'province';
        echarts.registerMap(name, geo);
        var centres = {}, codes = {}, figures = {};
        data.provinces.forEach(function (p) { figures[p.code] = p; });
        // A feature's code at the level the figures are kept: provinces (2 digits), or prefectures (4), or, where a
        // province's map shows counties (the municipalities), their prefecture-level code.
        function codeOf(f) {
          var id = String(f.id);
          if (country) { return id.substring(0, 2); }
          return figures[id.substring(0, 4)] || !figures[id] ? id.substring(0, 4) : id;
        }
        geo.features.forEach(function (f) {
          centres[codeOf(f)] = f.properties.cp;
          codes[f.properties.name] = codeOf(f);
        });
        var most = 1;
        data.pairs.forEach(function (p) { most = Math.max(most, p.agreements); });
        var lines = !country ? [] : data.pairs
          .filter(function (p) { return p.from !== p.to && centres[p.from] && centres[p.to]; })
          .map(function (p) {
            // Drawn from the East towards the Centre and the West (else as listed), so the arrows show the flow.
            var east = p.toZone === 'East' && p.fromZone !== 'East';
            var from = east ? p.to : p.from, to = east ? p.from : p.to;
            return { coords: [centres[from], centres[to]], value: p.agreements, names: [p.fromName, p.toName],
                     lineStyle: { width: 1 + 5 * p.agreements / most } };
          });
        var max = Math.max.apply(null, [1].concat(data.provinces.map(function (p) { return p.agreements; })));
        whenSized(element, function () {
          var chart = echarts.init(element);
          chart.setOption({
            tooltip: {
              trigger: 'item',
              formatter: function (params) {
                if (params.seriesType === 'lines') {
                  return params.data.names.join(' → ') + '<br>' + format(data.labels.agreements, params.data.value);
                }
                var f = figures[codes[params.name]];
                return params.name + '<br>' + format(data.labels.agreements, f ? f.agreements : 0)
                  + '<br>' + format(data.labels.activities, f ? f.activities : 0);
              }
            },
            geo: { map: name, roam: false, itemStyle: { areaColor: '#eef2f7', borderColor: '#9aa9b8' },
                   emphasis: { itemStyle: { areaColor: '#cfe0f3' } } },
            visualMap: { min: 0, max: max, text: [data.labels.legend, ''], inRange: { color: ['#eef2f7', '#1f4e79'] },
                         seriesIndex: 0, left: 'left', bottom: 0, calculable: false, textStyle: { color: '#212529' } },
            series: [
              { type: 'map', map: name, geoIndex: 0,
                data: geo.features.map(function (f) {
                  var code = codeOf(f);
                  return { name: f.properties.name, value: figures[code] ? figures[code].agreements : 0, code: code };
                }) },
              { type: 'lines', coordinateSystem: 'geo', data: lines, zlevel: 1, symbol: ['none', 'arrow'], symbolSize: 7,
                lineStyle: { color: '#b45309', opacity: 0.8, curveness: 0.2 } }
            ]
          });
          chart.on('click', function (params) {
            var code = (params.data && params.data.code) || codes[params.name];
            if (code) { window.location.href = data.drill.split('__').join(code); }
          });
          window.addEventListener('resize', function () { if (element.clientWidth > 0) { chart.resize(); } });
        });
      });
  }

  function drawTrends(echarts, element) {
    whenSized(element, function () {
      var chart = echarts.init(element);
      chart.setOption({
        tooltip: { trigger: 'axis' },
        legend: { type: 'scroll', top: 0 },
        grid: { left: 48, right: 16, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: data.trends.years.map(String) },
        yAxis: { type: 'value', minInterval: 1 },
        series: data.trends.series.map(function (s) { return { type: 'bar', stack: 'kinds', name: s.name, data: s.data }; })
      });
      window.addEventListener('resize', function () { if (element.clientWidth > 0) { chart.resize(); } });
    });
    return Promise.resolve();
  }

  function draw(element) {
    loadLibrary().then(function (echarts) {
      return element.getAttribute('data-chart') === 'map' ? drawMap(echarts, element) : drawTrends(echarts, element);
    }).catch(function () { element.hidden = true; });
  }

  if ('IntersectionObserver' in window) {
    var watcher = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { watcher.unobserve(entry.target); draw(entry.target); }
      });
    }, { rootMargin: '200px' });
    charts.forEach(function (element) { watcher.observe(element); });
  } else {
    charts.forEach(draw);
  }
})();
