// Usage: node audit.mjs http://127.0.0.1:PORT/graphql
// Prints one JSON array: every audit's name (it starts with MUST, SHOULD or MAY), status (ok | warn | error) and reason.
import { serverAudits } from 'graphql-http';

const url = process.argv[2];
if (!url) {
  console.error('usage: node audit.mjs URL');
  process.exit(2);
}
const results = [];
for (const audit of serverAudits({ url })) {
  const result = await audit.fn();
  results.push({ id: audit.id, name: audit.name, status: result.status, reason: result.reason ?? null });
}
console.log(JSON.stringify(results));
