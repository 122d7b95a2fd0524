// Wakes a page written as islands (`islands.rs`): loads the islands' bundle,
// lets it fetch the reader's catalogue, then hands it each island of the
// page in the page's order, and marks the page live. Then, if the page
// names the bundle of the page its readers open next (`next`, its files
// without the extension), has the browser fetch that at leisure.
async (script, wasm, next) => {
  const bundle = await import(script);
  await bundle.default({ module_or_path: wasm });
  await bundle.hydrate();
  for (const island of document.querySelectorAll("leptos-island")) {
    // An island inside another wakes with it.
    if (island.parentElement.closest("leptos-island")) continue;
    const wake = bundle[island.dataset.component];
    if (!wake) throw new Error(`the bundle has no island ${island.dataset.component}`);
    await wake(island);
  }
  document.querySelector(".site")?.setAttribute("data-hydrated", "true");
  for (const file of next ? [`${next}.js`, `${next}.wasm`] : []) {
    const link = document.createElement("link");
    link.rel = "prefetch";
    link.href = file;
    link.crossOrigin = "anonymous";
    document.head.append(link);
  }
}
