// GraphiQL for app developers, on this server's own endpoint; every script it needs is served from lib/.
const defaultQuery = `# SafetyDuty GraphQL API — 谁负责餐饮场所的燃气安全？
query Responsibilities {
  responsibilities(topics: ["燃气", "餐饮"], jurisdiction: "昆山市") {
    body { name agencyType }
    role
    match
    evidence { locator text document { title number } }
  }
}
`;
const fetcher = GraphiQL.createFetcher({ url: new URL('graphql', document.baseURI).href });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery, defaultEditorToolsVisibility: true }),
);
