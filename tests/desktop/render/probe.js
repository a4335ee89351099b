// Enlarge the open article's title and text (same CSS otherwise) and answer, once the page has painted that, the
// client rects of the probe words, so WebKitGTK's and Chromium's renderings can be cropped and compared glyph by glyph.
// Runs as a WebDriver script body (desktop) and as a function body in Chromium: `arguments[0]` is an array of
// [name, element id, word]. Answers a promise (both WebDriver and Playwright wait for it).
const words = arguments[0];
document.getElementById('article-title').style.fontSize = '56px';
document.getElementById('article-text').style.setProperty('--text-size', '44px');
const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
const measure = () => {
  const rects = {};
  for (const [name, id, word] of words) {
    const walker = document.createTreeWalker(document.getElementById(id), NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const i = n.data.indexOf(word);
      if (i < 0) continue;
      const r = document.createRange();
      r.setStart(n, i);
      r.setEnd(n, i + word.length);
      // The union of the word's non-empty boxes (WebKit adds an empty box where a line breaks before the word).
      const boxes = [...r.getClientRects()].filter((b) => b.width > 0.5 && b.height > 0.5);
      const left = Math.min(...boxes.map((b) => b.left));
      const top = Math.min(...boxes.map((b) => b.top));
      const right = Math.max(...boxes.map((b) => b.right));
      const bottom = Math.max(...boxes.map((b) => b.bottom));
      rects[name] = { left, top, width: right - left, height: bottom - top };
      break;
    }
  }
  return rects;
};
return document.fonts.ready
  .then(frame)
  .then(frame)
  .then(() => ({
    rects: measure(),
    dpr: window.devicePixelRatio,
    weight: getComputedStyle(document.getElementById('article-title')).fontWeight,
  }));
