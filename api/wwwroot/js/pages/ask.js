import { gql, loadSectors, loadJurisdictions } from '../graphql.js';
import { h, announce, errorBox, loading, roleBadge, roleLabel, basisLabel, routeHref, bodyLink, placeSelect } from '../elements.js';
import { topicInput } from '../topics.js';
import { exportTools } from '../table.js';

export const title = '问责任';

// Answers come a page at a time (place by place, in the API's order); 显示更多 asks for the next page.
const pageSize = 20;

const query = `query Responsibilities($topics: [String!]!, $jurisdiction: String, $first: Int, $offset: Int) {
  responsibilities(topics: $topics, jurisdiction: $jurisdiction, first: $first, offset: $offset) {
    body { id name agencyType }
    jurisdiction { id name }
    role
    match
    topics
    isGroup
    basis { kind quote }
    evidence { id text locator document { id title number } }
  }
}`;

// What the officer's words were read as: the sectors, any correction, the words not understood.
const interpretQuery = `query Interpret($text: String!) {
  interpret(text: $text) { terms { words correctedFrom sectors { id name aliases } } unknown suggestions }
}`;

// When no sector is understood: the duties whose text holds the words (synonyms included), with the matches marked.
const searchQuery = `query Search($search: String!, $jurisdiction: String) {
  duties(search: $search, jurisdiction: $jurisdiction, first: 20) {
    totalCount
    edges { highlights { start length } node { id text locator document { id title number jurisdiction { name } } } }
  }
}`;

const matchLabel = { ALL_TOPICS: '一条职责覆盖全部主题', SOME_TOPICS: '多条职责或部分主题' };

export async function render(root, { params, isCurrent }) {
  const words = params.get('q') ?? '';
  const place = params.get('place') ?? '';
  root.append(h('h1', {}, '问责任：谁负责？'),
    h('p', { class: 'lead-text' }, '用自己的话提问（如“饭店用液化气谁管？”“学校食堂”“燃气 餐饮”），可选地区，查看负责的单位、牵头或配合，以及职责原文和条款。'));
  const [sectors, jurisdictions] = await Promise.all([loadSectors(), loadJurisdictions()]);
  if (!isCurrent()) return;

  const form = h('form', { class: 'query-form', role: 'search', 'aria-label': '问责任' },
    topicInput({ id: 'topics', value: words, sectors, label: '主题（行业领域）' }),
    h('div', { class: 'field' }, placeSelect('place', jurisdictions, place)),
    h('div', { class: 'field actions' }, h('button', { type: 'submit' }, '查询')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = form.elements.topics.value.trim();
    if (!q) {
      form.elements.topics.focus();
      const message = '请输入问题或主题，例如：饭店用液化气谁管？';
      results.replaceChildren(h('p', { class: 'notice error', role: 'alert' }, message));
      announce(message);
      return;
    }
    location.hash = routeHref('ask', { q, place: form.elements.place.value });
  });
  root.append(form);
  const results = h('div', { class: 'results', 'aria-live': 'polite' });
  root.append(results);

  const question = words.trim();
  if (!question) {
    results.append(examples());
    return;
  }
  results.append(loading());
  let reading;
  try {
    reading = (await gql(interpretQuery, { text: question })).interpret;
  } catch (e) {
    results.lastChild.replaceWith(errorBox(e));
    return;
  }
  if (!isCurrent()) return;
  results.lastChild.replaceWith(understood(reading, place));
  if (!reading.terms.length) {
    await searchDuties(results, reading.unknown.length ? reading.unknown.join(' ') : question, place, isCurrent);
    return;
  }
  const topics = [question];
  const list = [];
  const answers = h('div', { class: 'answers' });
  results.append(answers);
  const names = reading.terms.flatMap((t) => t.sectors.map((s) => s.name));
  const exportName = `问责任_${[...new Set(names)].join('_')}${place ? `_${place}` : ''}`;

  // Reads the next page and shows everything read so far; a full page means there may be more.
  async function more() {
    answers.append(loading());
    let data;
    try {
      data = await gql(query, { topics, jurisdiction: place || null, first: pageSize, offset: list.length });
    } catch (e) {
      answers.lastChild.replaceWith(errorBox(e));
      return;
    }
    if (!isCurrent()) return;
    list.push(...data.responsibilities);
    const hasMore = data.responsibilities.length === pageSize;
    announce(`找到 ${list.length}${hasMore ? '+' : ''} 个负责单位`);
    if (!list.length) {
      answers.replaceChildren(h('p', { class: 'notice' }, '没有找到有职责依据的单位。可尝试同义词，或去掉地区限制。'));
      return;
    }
    answers.replaceChildren(exportTools(exportName, exportColumns, flatten(list)), ...placeGroups(list));
    if (hasMore) {
      const button = h('button', { type: 'button', class: 'more' }, `显示更多（已显示 ${list.length} 个）`);
      button.addEventListener('click', () => { button.remove(); more(); });
      answers.append(button);
    }
  }
  await more();
}

// Grouped by place in the order the API ranks them; the rank shown is the API's rank within the place.
function placeGroups(list) {
  const groups = new Map();
  for (const r of list) {
    const key = r.jurisdiction.name;
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(r);
  }
  // The topics the question was read as, by the names the answers carry (one phrase may name several).
  const asked = new Set(list.flatMap((r) => r.topics)).size;
  return [...groups].map(([name, items]) => {
    // Answers that reach only some of the topics asked are folded away: the whole question comes first.
    const whole = items.filter((r) => r.topics.length >= asked);
    const partial = items.filter((r) => r.topics.length < asked);
    return h('section', { class: 'place-group', 'aria-label': name },
      h('h2', {}, name, h('span', { class: 'muted' }, `（${items.length} 个单位）`)),
      whole.length ? h('ol', { class: 'resp-list' }, whole.map(card)) : null,
      partial.length ? h('details', { class: 'partial', open: !whole.length },
        h('summary', {}, `只涉及部分主题（${partial.length} 个单位）`),
        h('ol', { class: 'resp-list', start: whole.length + 1 }, partial.map(card))) : null);
  });
}

function card(r) {
  return h('li', { class: `resp-card is-${r.role.toLowerCase()}${r.isGroup ? ' is-group' : ''}`, 'data-body-id': r.body.id, 'data-role': r.role },
    h('div', { class: 'resp-head' },
      roleBadge(r.role, r.basis),
      h('strong', { class: 'body-name' }, bodyLink(r.body)),
      r.isGroup ? h('span', { class: 'tag group', title: '部门组或泛称，不作为具体部门' }, '部门组/泛称') : null,
      r.body.agencyType ? h('span', { class: 'tag' }, r.body.agencyType) : null,
      h('span', { class: `match ${r.match === 'ALL_TOPICS' ? 'all' : 'some'}` }, matchLabel[r.match] ?? r.match),
      r.topics.length ? h('span', { class: 'muted' }, `涉及：${r.topics.join('、')}`) : null,
      h('a', { class: 'small-link', href: routeHref('graph', { body: r.body.id }) }, '关系图')),
    r.basis.length ? h('p', { class: 'basis' }, '依据：', r.basis.slice(0, 3).flatMap((b, i) => [
      i ? '；' : '', h('span', { class: 'basis-kind' }, basisLabel[b.kind] ?? b.kind), ' “', h('q', {}, b.quote), '”']),
    r.basis.length > 3 ? ` 等 ${r.basis.length} 处` : '') : null,
    h('ul', { class: 'evidence' }, r.evidence.map((d) => h('li', {},
      h('blockquote', {}, d.text),
      h('p', { class: 'cite' },
        h('a', { href: routeHref(`doc/${encodeURIComponent(d.id)}`), title: '在原文中查看此条款' }, `条款 ${d.locator}`),
        ' · ',
        h('cite', {}, d.document.title), d.document.number ? ` ${d.document.number}` : '')))));
}

// 理解为：each understood word with its sectors; a correction as a question back (您是不是要找：燃气); the words not
// understood with the sectors they may have meant, each a link that asks again.
function understood(reading, place) {
  const items = reading.terms.map((t) => {
    const names = t.sectors.map((s) => s.name).join('、');
    const syn = t.sectors.flatMap((s) => s.aliases).slice(0, 6).join('、');
    if (t.correctedFrom) {
      return h('li', { class: 'corrected' }, `“${t.correctedFrom}”：您是不是要找：`, h('strong', {}, t.words),
        h('span', { class: 'muted' }, `（已按 ${names} 查询）`));
    }
    return h('li', {}, `“${t.words}” → ${names}`, syn ? h('span', { class: 'muted' }, `（含 ${syn} 等）`) : null);
  });
  for (const word of reading.unknown) {
    items.push(h('li', { class: 'unmatched' }, `“${word}”：未读懂`));
  }
  if (!reading.terms.length && !reading.unknown.length) {
    items.push(h('li', { class: 'unmatched' }, `“${reading.text}”：没有说到具体的行业领域或场所`));
  }
  const list = h('ul', { class: 'matched', 'aria-label': '理解为' }, items);
  const parts = [h('p', { class: 'understood-label' }, '理解为：'), list];
  if (reading.suggestions.length) {
    parts.push(h('p', { class: 'suggestions-line' }, '您是不是要找：',
      ...reading.suggestions.flatMap((name, i) => [i ? '、' : '', h('a', { href: routeHref('ask', { q: name, place }) }, name)])));
  }
  return h('div', { class: 'interpretation' }, ...parts);
}

// No sector understood: the duties whose text holds the words, so that the question still gets an answer.
async function searchDuties(results, search, place, isCurrent) {
  results.append(loading('正在全文检索职责…'));
  let data;
  try {
    data = await gql(searchQuery, { search, jurisdiction: place || null });
  } catch (e) {
    results.lastChild.replaceWith(errorBox(e));
    return;
  }
  if (!isCurrent()) return;
  results.lastChild.remove();
  const { totalCount, edges } = data.duties;
  announce(`未匹配到行业领域；全文检索到 ${totalCount} 条职责`);
  if (!edges.length) {
    results.append(h('p', { class: 'notice' }, `未匹配到行业领域，全文检索“${search}”也没有找到职责。请换个说法，或点上面的建议。`));
    return;
  }
  results.append(h('section', { class: 'fulltext', 'aria-label': '全文检索结果' },
    h('h2', {}, `未匹配到行业领域，以下为职责原文中含“${search}”的条款`, h('span', { class: 'muted' }, `（共 ${totalCount} 条）`)),
    h('ol', { class: 'resp-list' }, edges.map(({ node: d, highlights }) => h('li', { class: 'resp-card' },
      h('blockquote', {}, ...marked(d.text, highlights)),
      h('p', { class: 'cite' },
        h('a', { href: routeHref(`doc/${encodeURIComponent(d.id)}`), title: '在原文中查看此条款' }, `条款 ${d.locator}`),
        ' · ', h('cite', {}, d.document.title), ` · ${d.document.jurisdiction.name}`))))));
}

// The text with the search's matches in <mark>.
function marked(text, spans) {
  const parts = [];
  let at = 0;
  for (const { start, length } of spans) {
    if (start > at) parts.push(text.slice(at, start));
    parts.push(h('mark', {}, text.slice(start, start + length)));
    at = start + length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

function examples() {
  const ex = [['燃气 餐饮', '昆山市'], ['饭店用液化气谁管？', ''], ['学校食堂', ''], ['危化品运输', ''], ['网约车', '库尔勒市']];
  return h('div', { class: 'examples' }, h('h2', {}, '示例'),
    h('ul', {}, ex.map(([q, place]) => h('li', {}, h('a', { href: routeHref('ask', { q, place }) }, `${q}${place ? `（${place}）` : ''}`)))));
}

const exportColumns = [
  { label: '地区', text: (r) => r.place },
  { label: '排序', text: (r) => String(r.rank) },
  { label: '单位', text: (r) => r.body },
  { label: '职能类型', text: (r) => r.agencyType },
  { label: '角色', text: (r) => r.role },
  { label: '匹配', text: (r) => r.match },
  { label: '角色依据', text: (r) => r.basis },
  { label: '条款', text: (r) => r.locator },
  { label: '职责原文', text: (r) => r.text },
  { label: '文件', text: (r) => r.document },
];

function flatten(list) {
  const rank = new Map();
  return list.flatMap((r) => {
    const n = (rank.get(r.jurisdiction.name) ?? 0) + 1;
    rank.set(r.jurisdiction.name, n);
    return r.evidence.map((d) => ({
      place: r.jurisdiction.name, rank: n, body: r.body.name, agencyType: r.body.agencyType ?? '',
      role: roleLabel[r.role] ?? r.role, match: matchLabel[r.match] ?? r.match,
      basis: r.basis.map((b) => `${basisLabel[b.kind] ?? b.kind}：${b.quote}`).join('；'),
      locator: d.locator, text: d.text, document: `${d.document.title}${d.document.number ? ` ${d.document.number}` : ''}`,
    }));
  });
}
