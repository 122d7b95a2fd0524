// Wakes a page written as islands (`islands.rs`): loads the islands' bundle,
// lets it fetch the reader's catalogue, then hands it each island of the
// page in the page's order, and marks the page live.
async (script, wasm) => {
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
}
