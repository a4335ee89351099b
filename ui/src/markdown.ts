// A tiny Markdown reader for the guidelines: headings, lists, paragraphs, code blocks, **bold**, *italic*, `code`.
// Parsing is pure (a block tree); rendering builds DOM nodes with text only (never innerHTML).

export type Inline = { kind: 'text' | 'strong' | 'em' | 'code'; text: string };
export type Block =
  | { type: 'heading'; level: number; inline: Inline[] }
  | { type: 'paragraph'; inline: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'code'; text: string }
  | { type: 'quote'; inline: Inline[] };

/** Inline spans of one line or paragraph: `code` first, then **strong** / __strong__, then *em* / _em_. */
export function parseInline(src: string): Inline[] {
  const out: Inline[] = [];
  const re = /`([^`]+)`|\*\*(.+?)\*\*|(?<![\p{L}\p{N}_])__(.+?)__(?![\p{L}\p{N}_])|\*([^*\s](?:[^*]*[^*\s])?)\*|(?<![\p{L}\p{N}_])_([^_\s](?:[^_]*[^_\s])?)_(?![\p{L}\p{N}_])/gu;
  let last = 0;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    if (m.index > last) out.push({ kind: 'text', text: src.slice(last, m.index) });
    if (m[1] !== undefined) out.push({ kind: 'code', text: m[1] });
    else if (m[2] !== undefined || m[3] !== undefined) out.push({ kind: 'strong', text: m[2] ?? m[3] });
    else out.push({ kind: 'em', text: m[4] ?? m[5] });
    last = m.index + m[0].length;
  }
  if (last < src.length) out.push({ kind: 'text', text: src.slice(last) });
  return out;
}

/** Blocks of a Markdown text (line based; anything unknown is a paragraph, shown as text). */
export function parseMarkdown(src: string): Block[] {
  const lines = src.replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) blocks.push({ type: 'paragraph', inline: parseInline(para.join(' ')) });
    para = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^\s*```/.test(line)) {
      flush();
      const code: string[] = [];
      for (i++; i < lines.length && !/^\s*```/.test(lines[i]); i++) code.push(lines[i]);
      blocks.push({ type: 'code', text: code.join('\n') });
      continue;
    }
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      flush();
      blocks.push({ type: 'heading', level: h[1].length, inline: parseInline(h[2]) });
      continue;
    }
    const li = /^\s*(?:([-*+])|(\d+)[.)])\s+(.*)$/.exec(line);
    if (li) {
      flush();
      const ordered = li[2] !== undefined;
      const prev = blocks[blocks.length - 1];
      const item = parseInline(li[3]);
      if (prev?.type === 'list' && prev.ordered === ordered) prev.items.push(item);
      else blocks.push({ type: 'list', ordered, items: [item] });
      continue;
    }
    const q = /^\s*>\s?(.*)$/.exec(line);
    if (q) {
      flush();
      blocks.push({ type: 'quote', inline: parseInline(q[1]) });
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    // A line continuing the last list item (indented) joins it.
    const prev = blocks[blocks.length - 1];
    if (!para.length && prev?.type === 'list' && /^\s{2,}\S/.test(line)) {
      prev.items[prev.items.length - 1].push({ kind: 'text', text: ' ' }, ...parseInline(line.trim()));
      continue;
    }
    para.push(line.trim());
  }
  flush();
  return blocks;
}

function inlineNodes(inl: Inline[]): Node[] {
  return inl.map((x) => {
    if (x.kind === 'text') return document.createTextNode(x.text);
    const e = document.createElement(x.kind === 'strong' ? 'strong' : x.kind === 'em' ? 'em' : 'code');
    e.textContent = x.text;
    return e;
  });
}

/** Render Markdown as DOM (every text through text nodes); each block takes its direction from its own text. */
export function renderMarkdown(src: string): DocumentFragment {
  const frag = document.createDocumentFragment();
  for (const b of parseMarkdown(src)) {
    let e: HTMLElement;
    if (b.type === 'heading') {
      e = document.createElement(`h${Math.min(6, b.level + 1)}`);
      e.append(...inlineNodes(b.inline));
    } else if (b.type === 'paragraph' || b.type === 'quote') {
      e = document.createElement(b.type === 'quote' ? 'blockquote' : 'p');
      e.append(...inlineNodes(b.inline));
    } else if (b.type === 'list') {
      e = document.createElement(b.ordered ? 'ol' : 'ul');
      for (const item of b.items) {
        const li = document.createElement('li');
        li.dir = 'auto';
        li.append(...inlineNodes(item));
        e.append(li);
      }
    } else {
      e = document.createElement('pre');
      const c = document.createElement('code');
      c.textContent = b.text;
      e.append(c);
    }
    e.dir = 'auto';
    frag.append(e);
  }
  return frag;
}
