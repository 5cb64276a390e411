// Renders every model in processes/ as the process owner sees it in Camunda Modeler: bpmn-js (BPMN) and
// dmn-js (DMN: the decision requirements diagram and each decision table) in headless Chromium.
// Writes docs/images/<model>.svg and .png (DMN tables: <model>-<decision id>.png) and fails when a
// rendered label overlaps another label or a shape, measured on the text as the browser laid it out.
// Run through docs/render-models.sh.
'use strict';

const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const root = path.resolve(__dirname, '..', '..');
const processes = path.join(root, 'processes');
const images = path.join(root, 'docs', 'images');
const modules = path.join(__dirname, 'node_modules');
const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run'];

function page(kind) {
  const dist = kind === 'bpmn' ? path.join(modules, 'bpmn-js', 'dist') : path.join(modules, 'dmn-js', 'dist');
  const css = kind === 'bpmn'
    ? ['diagram-js.css', 'bpmn-js.css', 'bpmn-font/css/bpmn-embedded.css']
    : ['diagram-js.css', 'dmn-js-shared.css', 'dmn-js-drd.css', 'dmn-js-decision-table.css',
      'dmn-font/css/dmn-embedded.css'];
  const styles = css.map(f => fs.readFileSync(path.join(dist, 'assets', f), 'utf8')).join('\n');
  const script = fs.readFileSync(path.join(dist, kind === 'bpmn' ? 'bpmn-viewer.production.min.js'
    : 'dmn-viewer.production.min.js'), 'utf8');
  return `<!doctype html><html><head><meta charset="utf-8"><style>${styles}
    html, body { margin: 0; background: white; font-family: Arial, "Liberation Sans", sans-serif; }
    #canvas { width: ${kind === 'bpmn' ? '4000px' : 'max-content'}; height: ${kind === 'bpmn' ? '3000px' : 'auto'}; }
    #canvas .dmn-drd-container { height: 1000px; }
    .dmn-decision-table-container { font-size: 13px; width: max-content; }
    .tjs-table thead, .tjs-table thead th { position: static !important; top: auto !important; }
    .view-drd, .powered-by { display: none !important; }
  </style></head><body><div id="canvas"></div><script>${script}</script></body></html>`;
}

/** In the page: the labels bpmn-js drew that sit on another label or on a shape not their own. */
function bpmnLabelClashes() {
  const registry = window.viewer.get('elementRegistry');
  const box = el => {
    const gfx = registry.getGraphics(el);
    const text = gfx && gfx.querySelector('text');
    if (!text) return null;
    const b = text.getBBox();
    if (b.width === 0) return null;
    return { x: el.x + b.x, y: el.y + b.y, w: b.width, h: b.height };
  };
  const hit = (a, b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const labels = registry.filter(e => e.type === 'label').map(l => ({ id: l.labelTarget.id, box: box(l) }))
    .filter(l => l.box);
  const shapes = registry.filter(e => e.type !== 'label' && !e.waypoints && e.type !== 'bpmn:Process'
    && e.type !== 'bpmn:Collaboration' && e.type !== 'bpmn:Participant' && e.type !== 'bpmn:Lane'
    && e.type !== 'bpmn:SubProcess' && e.type !== 'bpmn:Transaction' && e.parent);
  const clashes = [];
  labels.forEach((a, i) => labels.slice(i + 1).forEach(b => {
    if (hit(a.box, b.box)) clashes.push(`label of ${a.id} on label of ${b.id}`);
  }));
  labels.forEach(l => shapes.forEach(s => {
    if (s.id !== l.id && hit(l.box, { x: s.x, y: s.y, w: s.width, h: s.height })) {
      clashes.push(`label of ${l.id} on shape ${s.id}`);
    }
  }));
  return clashes;
}

async function renderBpmn(browser, file) {
  const name = path.basename(file, '.bpmn');
  const tab = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await tab.setContent(page('bpmn'));
  const xml = fs.readFileSync(file, 'utf8');
  const result = await tab.evaluate(async xml => {
    window.viewer = new BpmnJS({ container: '#canvas' });
    const { warnings } = await window.viewer.importXML(xml);
    const { svg } = await window.viewer.saveSVG();
    return { warnings: warnings.map(w => w.message), svg };
  }, xml);
  const clashes = await tab.evaluate(bpmnLabelClashes);
  fs.writeFileSync(path.join(images, name + '.svg'), result.svg);
  await png(tab, result.svg, path.join(images, name + '.png'));
  await tab.close();
  return { name, warnings: result.warnings, clashes };
}

async function renderDmn(browser, file) {
  const name = path.basename(file, '.dmn');
  const tab = await (await browser.newContext({ viewport: { width: 1600, height: 1000 } })).newPage();
  await tab.setContent(page('dmn'));
  const xml = fs.readFileSync(file, 'utf8');
  const views = await tab.evaluate(async xml => {
    window.viewer = new DmnJS({ container: '#canvas' });
    const { warnings } = await window.viewer.importXML(xml);
    return { warnings: warnings.map(w => w.message),
      views: window.viewer.getViews().map(v => ({ type: v.type, id: v.element.id })) };
  }, xml);
  const written = [];
  for (const view of views.views) {
    await tab.evaluate(async id => {
      const v = window.viewer.getViews().find(x => x.element.id === id);
      await window.viewer.open(v);
    }, view.id);
    if (view.type === 'drd') {
      const svg = await tab.evaluate(async () => (await window.viewer.getActiveViewer().saveSVG()).svg);
      fs.writeFileSync(path.join(images, name + '.svg'), svg);
      await png(tab, svg, path.join(images, name + '.png'));
      written.push(name + '.png');
    } else if (view.type === 'decisionTable') {
      await tab.setViewportSize({ width: 3200, height: 1200 });
      const table = await tab.$('.dmn-decision-table-container') || await tab.$('.tjs-table');
      const target = path.join(images, `${name}-${view.id}.png`);
      await (table || await tab.$('#canvas')).screenshot({ path: target });
      written.push(path.basename(target));
      // the next view renders into the same container
      await tab.setContent(page('dmn'));
      await tab.evaluate(async xml => {
        window.viewer = new DmnJS({ container: '#canvas' });
        await window.viewer.importXML(xml);
      }, xml);
    }
  }
  await tab.close();
  return { name, warnings: views.warnings, clashes: [], written };
}

/** A PNG of exactly the diagram: the SVG bpmn-js/dmn-js saved, shown alone and photographed. */
async function png(tab, svg, target) {
  const context = await tab.context().browser().newContext({ viewport: { width: 800, height: 600 },
    deviceScaleFactor: 1.5 });
  const shot = await context.newPage();
  await shot.setContent(`<!doctype html><html><body style="margin:0;background:white">${svg}</body></html>`);
  const el = await shot.$('svg');
  await el.screenshot({ path: target });
  await context.close();
}

(async () => {
  fs.mkdirSync(images, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: flags });
  let failed = false;
  try {
    const files = fs.readdirSync(processes).sort();
    for (const f of files) {
      const file = path.join(processes, f);
      let r;
      if (f.endsWith('.bpmn')) {
        r = await renderBpmn(browser, file);
      } else if (f.endsWith('.dmn')) {
        r = await renderDmn(browser, file);
      } else {
        continue;
      }
      console.log(`${f}: ${r.written ? r.written.join(', ') : r.name + '.svg, ' + r.name + '.png'}`);
      r.warnings.forEach(w => console.log(`  import warning: ${w}`));
      r.clashes.forEach(c => console.log(`  overlap: ${c}`));
      if (r.warnings.length || r.clashes.length) failed = true;
    }
  } finally {
    await browser.close();
  }
  process.exit(failed ? 1 : 0);
})().catch(e => {
  console.error(e);
  process.exit(2);
});
