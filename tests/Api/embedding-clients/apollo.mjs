// Usage: node apollo.mjs http://127.0.0.1:PORT/graphql
// Apollo Client with automatic persisted queries (hashes sent by GET), as another government app embeds the API:
// every query twice, each time with a fresh client, then the same queries in one batch (BatchHttpLink).
// Prints one JSON object: each try's answers and every HTTP request the clients made.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { BatchHttpLink } from '@apollo/client/link/batch-http';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { createHash } from 'node:crypto';

const uri = process.argv[2];
if (!uri) {
  console.error('usage: node apollo.mjs URL');
  process.exit(2);
}

const requests = [];
async function recordingFetch(url, init) {
  const response = await fetch(url, init);
  const target = new URL(url);
  const body = typeof init?.body === 'string' ? JSON.parse(init.body) : null;
  const sent = Array.isArray(body) ? body : [body ?? Object.fromEntries(target.searchParams)];
  requests.push({
    method: init?.method ?? 'GET',
    status: response.status,
    operations: sent.length,
    withQueryText: sent.some(r => typeof r.query === 'string' && r.query.length > 0),
    codes: await response.clone().json().then(j => (Array.isArray(j) ? j : [j]).flatMap(r => (r.errors ?? []).map(e => e.extensions?.code ?? e.message))),
  });
  return response;
}

const queries = [
  gql`query Sectors { sectors { id name aliases } }`,
  gql`query Places { jurisdictions { id name level } }`,
  gql`query Duties($search: String!) { duties(search: $search, first: 5) { totalCount } }`,
];
const variables = [{}, {}, { search: '燃气' }];

function client(terminal) {
  const persisted = createPersistedQueryLink({ sha256: q => createHash('sha256').update(q).digest('hex'), useGETForHashedQueries: true });
  return new ApolloClient({ link: ApolloLink.from([persisted, terminal]), cache: new InMemoryCache() });
}

async function ask(apollo) {
  const answers = [];
  for (let i = 0; i < queries.length; i++) {
    try {
      const { data } = await apollo.query({ query: queries[i], variables: variables[i], fetchPolicy: 'network-only' });
      answers.push({ ok: data != null, fields: Object.keys(data ?? {}) });
    } catch (error) {
      answers.push({ ok: false, error: String(error) });
    }
  }
  return answers;
}

const result = {};
for (const attempt of ['first', 'second']) {
  const before = requests.length;
  result[attempt] = await ask(client(new HttpLink({ uri, fetch: recordingFetch })));
  result[attempt + 'Requests'] = requests.slice(before);
}

const before = requests.length;
const batching = new ApolloClient({ link: new BatchHttpLink({ uri, fetch: recordingFetch, batchMax: 5, batchInterval: 20 }), cache: new InMemoryCache() });
result.batch = await Promise.all(queries.map((query, i) =>
  batching.query({ query, variables: variables[i], fetchPolicy: 'network-only' })
    .then(({ data }) => ({ ok: data != null, fields: Object.keys(data ?? {}) }), error => ({ ok: false, error: String(error) }))));
result.batchRequests = requests.slice(before);
console.log(JSON.stringify(result));
