// Runs Prism's command line (every argument is Prism's) and ends it when its standard input closes.
// The .NET contract tests (tests/Cloudflare.Workflows.ContractTests) start Prism through this file and keep the
// other end of that pipe: when the test host goes, even killed with SIGKILL and no chance to stop its children,
// the pipe closes and Prism goes too, instead of holding its port until someone finds it.
'use strict';
const path = require('node:path');

process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();

require(path.join(__dirname, 'node_modules', '@stoplight', 'prism-cli', 'dist', 'index.js'));
