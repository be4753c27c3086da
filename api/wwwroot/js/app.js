import { h, errorBox } from './elements.js';
import * as ask from './pages/ask.js';
import * as body from './pages/body.js';
import * as compare from './pages/compare.js';
import * as gaps from './pages/gaps.js';
import * as graph from './pages/graph.js';
import * as load from './pages/load.js';
import * as doc from './pages/document.js';

// Hash routes: #/ask?q=燃气 餐饮&place=昆山市, #/body/<id>, #/compare?places=a,b, #/gaps?place=,
// #/graph?body=<id> | ?sector=<name>, #/load, #/doc/<dutyId>.
const pages = { ask, body, compare, gaps, graph, load, doc };
const main = document.getElementById('main');
let renderCount = 0;

function parseHash() {
  const raw = location.hash.replace(/^#\/?/, '');
  const [path, query = ''] = raw.split('?');
  const [name, ...rest] = path.split('/').map(decodeURIComponent);
  return { name: name || 'ask', args: rest, params: new URLSearchParams(query) };
}

async function route() {
  const { name, args, params } = parseHash();
  const page = pages[name] ?? ask;
  const navName = name === 'doc' ? 'ask' : name;
  for (const a of document.querySelectorAll('.nav a[data-route]')) {
    if (a.dataset.route === navName) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const ticket = ++renderCount;
  const container = h('div', { class: 'page' });
  main.replaceChildren(container);
  document.title = `${page.title} · 安全生产职责清单知识库`;
  try {
    await page.render(container, { args, params, isCurrent: () => ticket === renderCount });
  } catch (e) {
    if (ticket === renderCount) container.append(errorBox(e));
  }
  // Move focus to the new content for keyboard and screen-reader users, but not on the first load.
  if (ticket > 1 && ticket === renderCount && !container.contains(document.activeElement)) main.focus({ preventScroll: true });
}

window.addEventListener('hashchange', route);
route();
