// Turndown (with its GitHub-flavoured tables plugin): HTML on stdin to Markdown on stdout. A held-out
// converter of the accuracy bench; install beside this file: npm install turndown turndown-plugin-gfm
const TurndownService = require("turndown");
const { gfm } = require("turndown-plugin-gfm");

let html = "";
process.stdin.setEncoding("utf8");
process.stdin.on("data", (chunk) => {
  html += chunk;
});
process.stdin.on("end", () => {
  const service = new TurndownService();
  service.use(gfm);
  process.stdout.write(service.turndown(html));
});
