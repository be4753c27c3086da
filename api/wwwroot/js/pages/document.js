import { gql } from '../graphql.js';
import { h, loading, bodyLink } from '../elements.js';

export const title = '原文';

const query = `query DutyInDocument($id: ID!) {
  node(id: $id) {
    ... on Duty {
      id text locator start length
      owner { __typename ... on Body { id name } ... on Leader { id title } }
      document { id title number issuer issuedOn status text jurisdiction { name } }
    }
  }
}`;

// The document's text with the clause highlighted and scrolled into view, so the quote is read in its context.
export async function render(root, { args, isCurrent }) {
  root.append(loading('正在打开原文…'));
  const { node: duty } = await gql(query, { id: args[0] });
  if (!isCurrent()) return;
  root.replaceChildren();
  if (!duty?.document) {
    root.append(h('h1', {}, '原文'), h('p', { class: 'notice error', role: 'alert' }, '未找到该条款。'));
    return;
  }
  const doc = duty.document;
  const owner = duty.owner.__typename === 'Body' ? bodyLink(duty.owner) : duty.owner.title;
  root.append(
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/ask', onclick: (e) => { if (history.length > 1) { e.preventDefault(); history.back(); } } }, '← 返回')),
    h('h1', {}, doc.title),
    h('dl', { class: 'facts' },
      h('dt', {}, '地区'), h('dd', {}, doc.jurisdiction.name),
      doc.number ? [h('dt', {}, '文号'), h('dd', {}, doc.number)] : null,
      doc.issuer ? [h('dt', {}, '发文单位'), h('dd', {}, doc.issuer)] : null,
      doc.issuedOn ? [h('dt', {}, '日期'), h('dd', {}, doc.issuedOn)] : null,
      h('dt', {}, '状态'), h('dd', {}, /draft/i.test(doc.status) ? '征求意见稿' : '现行有效'),
      h('dt', {}, '条款'), h('dd', {}, duty.locator, '（', owner, '）')),
    h('p', {}, h('a', { href: '#clause' }, `跳到条款 ${duty.locator}`)));

  const text = doc.text ?? '';
  const start = duty.start ?? text.indexOf(duty.text);
  const length = duty.length ?? duty.text.length;
  const body = h('div', { class: 'document-text', tabindex: '0', role: 'region', 'aria-label': '文件原文' });
  if (start >= 0 && start + length <= text.length) {
    body.append(text.slice(0, start),
      h('mark', { id: 'clause', tabindex: '-1', 'aria-label': `条款 ${duty.locator}` }, text.slice(start, start + length)),
      text.slice(start + length));
  } else {
    body.append(h('mark', { id: 'clause', tabindex: '-1' }, duty.text));
  }
  root.append(body);
  const mark = body.querySelector('#clause');
  // Scroll the text box, not the window: the title and the clause's facts stay in view above it.
  const centre = () => { body.scrollTop = Math.max(0, mark.offsetTop - body.clientHeight / 3); };
  requestAnimationFrame(centre);
  root.querySelector('a[href="#clause"]').addEventListener('click', (e) => {
    e.preventDefault();
    centre();
    mark.focus({ preventScroll: true });
  });
}
