// Preloaded (--require) into the CLI and, through execArgv, into every worker thread it starts (the pool's
// and tesseract.js's): any attempt to reach the network throws and is written to stderr, where the test
// looks for it.
const dns = require('node:dns');
const http = require('node:http');
const https = require('node:https');
const net = require('node:net');

const deny = (what) => () => {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network blocked (${what})`);
};
globalThis.fetch = deny('fetch');
net.connect = net.createConnection = deny('net.connect');
net.Socket.prototype.connect = deny('socket.connect');
http.request = http.get = deny('http');
https.request = https.get = deny('https');
dns.lookup = deny('dns.lookup');
