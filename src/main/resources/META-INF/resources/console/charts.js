// Bar charts with Apache ECharts (the "simple" build: bar, line and pie on a grid, canvas, aria), served from
// the ECharts WebJar. Each chart is a picture of a table that follows it; the table carries the numbers.

const FONT = getComputedStyle(document.documentElement).fontFamily || 'sans-serif';
export const LEVEL_COLORS = {HIGH: '#b3261e', MEDIUM: '#d9822b', LOW: '#c9a227'};
export const PALETTE = ['#1f5aa6', '#3f9c6d', '#d9822b', '#8e5ba8', '#c9a227', '#4aa3c8', '#b3261e', '#6b7785',
  '#2e7d32', '#ad1457'];
const PRINT_WIDTH = 680; // A4 less 15 mm margins, in CSS pixels
const groups = new Map();

/** A chart in el (whose height is set here); registered under group so that a view can dispose its charts. */
export function chart(group, el, height, option) {
  if (!globalThis.echarts) {
    el.textContent = 'ECharts not loaded';
    return null;
  }
  el.style.height = `${height}px`;
  const instance = globalThis.echarts.init(el, null, {renderer: 'canvas', locale: document.documentElement.lang === 'en' ? 'EN' : 'ZH',
    devicePixelRatio: Math.max(2, window.devicePixelRatio || 1)});
  // the container's own aria-label (role img) describes the chart and points to the table; ECharts' generated
  // description would replace it, in Chinese whatever the page's language
  instance.setOption({animation: false, aria: {enabled: false}, textStyle: {fontFamily: FONT}, ...option});
  // for print, a picture of the chart drawn at the width of the page: printing scales no canvas reliably
  instance.resize({width: PRINT_WIDTH, height});
  const picture = document.createElement('img');
  picture.className = 'chart-print';
  picture.alt = '';
  picture.src = instance.getDataURL({pixelRatio: 2, backgroundColor: '#fff'});
  el.after(picture);
  instance.resize({width: 'auto', height: 'auto'}); // back to the size of its container
  if (!groups.has(group)) {
    groups.set(group, new Set());
  }
  groups.get(group).add(instance);
  return instance;
}

export function disposeCharts(group) {
  (groups.get(group) || []).forEach(c => c.dispose());
  groups.delete(group);
}

function each(action) {
  groups.forEach(set => set.forEach(action));
}

/** Charts drawn while their view was hidden have no width: views call this when they are shown. */
export function resizeCharts() {
  each(c => c.resize());
}

window.addEventListener('resize', resizeCharts);

const categoryAxis = labels => ({type: 'category', inverse: true, data: labels,
  axisLabel: {width: 240, overflow: 'truncate'}, axisTick: {show: false}});

/** Horizontal bars: one per item, coloured by level. */
export function severityChart(group, el, items, labelOf) {
  return chart(group, el, 40 + items.length * 34, {
    grid: {left: 8, right: 40, top: 8, bottom: 8, containLabel: true},
    xAxis: {type: 'value', min: 0, max: 1},
    yAxis: categoryAxis(items.map(labelOf)),
    series: [{type: 'bar', barMaxWidth: 22,
      data: items.map(b => ({value: b.severity, itemStyle: {color: LEVEL_COLORS[b.level] || PALETTE[0]}})),
      label: {show: true, position: 'right'}}],
  });
}

/** Horizontal stacked bars: one bar per row, one series per stack part, colours from PALETTE in series order. */
export function stackedChart(group, el, rows, labelOf, parts) {
  return chart(group, el, 40 + rows.length * 34, {
    grid: {left: 8, right: 16, top: 8, bottom: 8, containLabel: true},
    xAxis: {type: 'value'},
    yAxis: categoryAxis(rows.map(labelOf)),
    series: parts.map((part, i) => ({type: 'bar', name: part.name, stack: 'total', barMaxWidth: 22,
      itemStyle: {color: PALETTE[i % PALETTE.length]}, data: rows.map(part.value)})),
  });
}

/** Horizontal bars side by side: one bar per row and series. */
export function groupedChart(group, el, rows, labelOf, series) {
  return chart(group, el, 40 + rows.length * 44, {
    grid: {left: 8, right: 40, top: 8, bottom: 8, containLabel: true},
    xAxis: {type: 'value', min: 0, max: 1},
    yAxis: categoryAxis(rows.map(labelOf)),
    series: series.map((s, i) => ({type: 'bar', name: s.name, barMaxWidth: 16, itemStyle: {color: PALETTE[i]},
      label: {show: true, position: 'right'}, data: rows.map(s.value)})),
  });
}
