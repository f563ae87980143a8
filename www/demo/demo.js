// Copy buttons for the snippets (the text stays selectable without them).
for (const pre of document.querySelectorAll("pre[data-copy]")) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = "copy";
  button.textContent = "Copiar";
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(pre.textContent);
      button.textContent = "Copiado";
    } catch {
      // No clipboard access: select the text so the person can copy it themselves.
      getSelection().selectAllChildren(pre);
      button.textContent = "Seleccionado: pulsa Ctrl+C";
    }
  });
  pre.after(button);
}
