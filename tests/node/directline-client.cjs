// Talks to the bot's self-hosted Direct Line with Microsoft's own client library, the one Web Chat uses.
// Usage: node directline-client.cjs <bot base URL> <websocket|polling> <question>
// Prints one JSON line: what arrived (welcome, echo, reply) or { "error": … }; exit code 0 only on success.
'use strict';

globalThis.XMLHttpRequest = require('xhr2');
globalThis.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const [baseUrl, mode, question] = process.argv.slice(2);
const timeoutMs = 30000;

function fail(message) {
  console.log(JSON.stringify({ error: message }));
  process.exit(1);
}

function decodeUser(token) {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')).user;
}

async function main() {
  if (!baseUrl || !['websocket', 'polling'].includes(mode) || !question) {
    fail('usage: node directline-client.cjs <base URL> <websocket|polling> <question>');
  }

  const response = await fetch(new URL('api/directline/token', baseUrl), { method: 'POST' });
  if (!response.ok) {
    fail(`token endpoint answered ${response.status}`);
  }

  const { token } = await response.json();
  const userId = decodeUser(token);
  const directLine = new DirectLine({
    domain: new URL('v3/directline', baseUrl).href,
    token,
    webSocket: mode === 'websocket',
    pollingInterval: 500
  });

  const statuses = [];
  directLine.connectionStatus$.subscribe(status => statuses.push(ConnectionStatus[status]));

  const result = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out; statuses ${statuses.join(',')}`)), timeoutMs);
    const clientActivityID = `node-${mode}-${Date.now()}`;
    const seen = { mode, userId, statuses, welcome: null, postedId: null, echo: null, reply: null };
    const arrived = [];
    let asked = false;

    // The stream may deliver the echo and the reply before the POST that caused them has answered.
    const finishIfDone = () => {
      if (seen.postedId) {
        seen.reply = arrived.find(activity => activity.type === 'message' && activity.replyToId === seen.postedId) || null;
      }

      if (seen.welcome && seen.postedId && seen.echo && seen.reply) {
        clearTimeout(timer);
        resolve(seen);
      }
    };

    directLine.activity$.subscribe(activity => {
      arrived.push(activity);
      if (activity.from && activity.from.role === 'bot' && activity.type === 'message' && !seen.welcome) {
        seen.welcome = activity;
      } else if (activity.channelData && activity.channelData.clientActivityID === clientActivityID) {
        seen.echo = activity;
      }

      if (seen.welcome && !asked) {
        asked = true;
        directLine
          .postActivity({ type: 'message', from: { id: userId, name: 'node client' }, text: question, channelData: { clientActivityID } })
          .subscribe(id => { seen.postedId = id; finishIfDone(); }, error => reject(error));
      }

      finishIfDone();
    }, error => reject(error));
  });

  directLine.end();
  console.log(JSON.stringify(result));
  process.exit(0);
}

main().catch(error => fail(String(error && error.stack || error)));
