// Saves text as a file on the person's device; nothing leaves the browser.

export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a); // Firefox only follows links that are in the document
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
