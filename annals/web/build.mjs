// Copy the front-end files that npm installed into annals/web/static/vendor/ (kept out of git).
// Run by `npm run build` after `npm ci`; the server reads them from the package's static folder.
import { cpSync, mkdirSync, rmSync, existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const vendor = join(here, "static", "vendor");

const files = {
  "vis-timeline": [
    "standalone/umd/vis-timeline-graph2d.min.js",
    "LICENSE.md",
    "LICENSE.MIT.txt",
    "LICENSE.Apache-2.0.txt",
  ],
  "swagger-ui-dist": ["swagger-ui-bundle.js", "swagger-ui.css", "favicon-32x32.png", "LICENSE", "NOTICE"],
};

rmSync(vendor, { recursive: true, force: true });
for (const [name, paths] of Object.entries(files)) {
  const target = join(vendor, name);
  mkdirSync(target, { recursive: true });
  for (const path of paths) {
    const source = join(root, "node_modules", name, path);
    if (!existsSync(source)) {
      console.error(`build: ${source} is missing: run npm ci first`);
      process.exit(1);
    }
    cpSync(source, join(target, path.split("/").pop()));
  }
}
console.log(`build: front-end files copied into ${vendor}`);
