'use strict';
// The API client: the key lives in sessionStorage (this tab only) and goes in the X-API-Key header of every request.
const Api = (() => {
  const keyName = 'trading.apiKey';
  const key = () => sessionStorage.getItem(keyName);

  async function request(method, path, body) {
    const headers = { 'X-API-Key': key() || '' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const data = text ? JSON.parse(text) : null;
    if (!response.ok) {
      const error = new Error((data && (data.detail || data.title)) || response.statusText);
      error.status = response.status;
      throw error;
    }
    return data;
  }

  // Server-sent events over fetch, so the key travels in a header and never in a URL.
  async function stream(path, onEvent, signal) {
    const response = await fetch(path, { headers: { 'X-API-Key': key() || '', Accept: 'text/event-stream' }, signal });
    if (!response.ok || !response.body) throw new Error('event stream refused: ' + response.status);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let type = 'message';
        const data = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event:')) type = line.slice(6).trim();
          else if (line.startsWith('data:')) data.push(line.slice(5).trimStart());
        }
        if (data.length) onEvent(type, JSON.parse(data.join('\n')));
      }
    }
  }

  return {
    hasKey: () => !!key(),
    setKey: (value) => sessionStorage.setItem(keyName, value),
    clearKey: () => sessionStorage.removeItem(keyName),
    get: (path) => request('GET', path),
    post: (path, body) => request('POST', path, body === undefined ? {} : body),
    del: (path) => request('DELETE', path),
    stream,
  };
})();
