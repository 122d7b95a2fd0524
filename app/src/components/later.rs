//! A view the server builds only when it writes it.
//!
//! A `Transition` on the server walks what its `Suspend` gives twice before
//! it renders it: once when it starts, and once more when its data have
//! come, to find reads it did not see the first time. Each walk runs the
//! `Suspend` again, and when its data are there that builds the whole view
//! inside it, components, texts and attributes, only to drop it. On the
//! order page those walks took 18 % of the instructions the page ran.
//!
//! `later(|| view! { ... })`, given by such a `Suspend` in place of the view
//! itself, is built once, when the page is written; the walks pass over it.
//! So the view inside must not read a resource: the walks would not see that
//! read, and the page would be written without its data. It is written in
//! one piece, as a plain string, so it holds no `Transition` or `Suspense`
//! either: one inside would be written as its fallback. Nor may it hold an
//! island: the navigation, which holds the sign-out island, did not hydrate
//! as it should when built so. In the browser `later` is the view itself.

use leptos::prelude::*;

/// The view `build` makes, built when the server writes it (see the module).
#[cfg(feature = "ssr")]
pub fn later<V, F>(build: F) -> Later<F>
where
    F: FnOnce() -> V + Send + 'static,
    V: RenderHtml,
{
    Later(build)
}

/// The view `build` makes.
#[cfg(not(feature = "ssr"))]
pub fn later<V, F>(build: F) -> V
where
    F: FnOnce() -> V,
    V: IntoView,
{
    build()
}

/// A view not built yet (see the module).
#[cfg(feature = "ssr")]
pub struct Later<F>(F);

#[cfg(feature = "ssr")]
mod server {
    use super::Later;
    use leptos::tachys::html::attribute::Attribute;
    use leptos::tachys::html::attribute::any_attribute::AnyAttribute;
    use leptos::tachys::hydration::Cursor;
    use leptos::tachys::ssr::StreamBuilder;
    use leptos::tachys::view::add_attr::AddAnyAttr;
    use leptos::tachys::view::{Position, PositionState, Render, RenderHtml};

    impl<F, V> Render for Later<F>
    where
        F: FnOnce() -> V,
        V: Render,
    {
        type State = V::State;

        fn build(self) -> Self::State {
            (self.0)().build()
        }

        fn rebuild(self, state: &mut Self::State) {
            (self.0)().rebuild(state)
        }
    }

    impl<F, V> AddAnyAttr for Later<F>
    where
        F: FnOnce() -> V + Send + 'static,
        V: RenderHtml,
    {
        type Output<SomeNewAttr: Attribute> = V::Output<SomeNewAttr>;

        fn add_any_attr<NewAttr: Attribute>(self, attr: NewAttr) -> Self::Output<NewAttr>
        where
            Self::Output<NewAttr>: RenderHtml,
        {
            (self.0)().add_any_attr(attr)
        }
    }

    impl<F, V> RenderHtml for Later<F>
    where
        F: FnOnce() -> V + Send + 'static,
        V: RenderHtml,
    {
        type AsyncOutput = V::AsyncOutput;
        // Itself: made into an `AnyView`, a view is first made owned, and
        // that must not build it either.
        type Owned = Self;

        const MIN_LENGTH: usize = V::MIN_LENGTH;

        /// Nothing to walk until it is built.
        fn dry_resolve(&mut self) {}

        async fn resolve(self) -> Self::AsyncOutput {
            (self.0)().resolve().await
        }

        fn to_html_with_buf(
            self,
            buf: &mut String,
            position: &mut Position,
            escape: bool,
            mark_branches: bool,
            extra_attrs: Vec<AnyAttribute>,
        ) {
            (self.0)().to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
        }

        fn to_html_async_with_buf<const OUT_OF_ORDER: bool>(
            self,
            buf: &mut StreamBuilder,
            position: &mut Position,
            escape: bool,
            mark_branches: bool,
            extra_attrs: Vec<AnyAttribute>,
        ) where
            Self: Sized,
        {
            // In one piece: nothing inside waits (see the module), and an
            // element written into the stream by itself costs two strings
            // of its own, for its opening and its closing tag.
            let view = (self.0)();
            buf.with_buf(|buf| {
                view.to_html_with_buf(buf, position, escape, mark_branches, extra_attrs)
            });
        }

        fn hydrate<const FROM_SERVER: bool>(
            self,
            cursor: &Cursor,
            position: &PositionState,
        ) -> Self::State {
            (self.0)().hydrate::<FROM_SERVER>(cursor, position)
        }

        fn into_owned(self) -> Self::Owned {
            self
        }
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::later;
    use leptos::prelude::*;
    use leptos::tachys::ssr::StreamChunk;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// A view that counts how many times it was built.
    fn counted(builds: &Arc<AtomicUsize>) -> impl FnOnce() -> AnyView + Send + 'static {
        let builds = builds.clone();
        move || {
            builds.fetch_add(1, Ordering::SeqCst);
            view! { <p class="note" data-n="7">"Seven & more"</p> }.into_any()
        }
    }

    #[test]
    fn the_walks_before_writing_leave_it_unbuilt_and_writing_builds_it_once() {
        Owner::new().with(|| {
            let builds = Arc::new(AtomicUsize::new(0));
            let expected = counted(&Arc::new(AtomicUsize::new(0)))().to_html();
            let mut view = later(counted(&builds));
            view.dry_resolve();
            view.dry_resolve();
            assert_eq!(builds.load(Ordering::SeqCst), 0);
            assert_eq!(view.to_html(), expected);
            assert_eq!(builds.load(Ordering::SeqCst), 1);
        });
    }

    /// What streaming `view` writes, as one string.
    fn streamed(view: impl RenderHtml) -> String {
        let mut buf = leptos::tachys::ssr::StreamBuilder::new(None);
        view.to_html_async_with_buf::<false>(
            &mut buf,
            &mut leptos::tachys::view::Position::FirstChild,
            true,
            false,
            vec![],
        );
        buf.finish()
            .take_chunks()
            .into_iter()
            .map(|chunk| match chunk {
                StreamChunk::Sync(html) => html,
                _ => panic!("nothing here waits"),
            })
            .collect()
    }

    /// A view of nested elements, attributes, texts and a list.
    fn list(items: Vec<&'static str>) -> impl IntoView {
        let count = items.len().to_string();
        view! {
            <ul class="cards" data-count=count>
                {items.into_iter().map(|item| view! {
                    <li class:late=item.starts_with('l')><a href=format!("/x/{item}")>{item}</a>" & "</li>
                }).collect_view()}
            </ul>
            <p>"after"</p>
        }
    }

    #[test]
    fn written_in_one_piece_it_streams_as_the_view_itself() {
        Owner::new().with(|| {
            let items = vec!["late", "on time", "<b>"];
            let expected = streamed(list(items.clone()));
            assert!(expected.contains("<li class=\"late\">"), "{expected}");
            assert_eq!(streamed(later(move || list(items))), expected);
        });
    }

    #[test]
    fn a_suspend_walked_with_its_data_there_builds_only_a_plain_view() {
        Owner::new().with(|| {
            let (plain, put_off) = (Arc::new(AtomicUsize::new(0)), Arc::new(AtomicUsize::new(0)));
            let view = counted(&plain);
            let mut walked = Suspend::new(async move { view() });
            walked.dry_resolve();
            assert_eq!(plain.load(Ordering::SeqCst), 1);
            let view = counted(&put_off);
            let mut walked = Suspend::new(async move { later(view) });
            walked.dry_resolve();
            walked.dry_resolve();
            assert_eq!(put_off.load(Ordering::SeqCst), 0);
            // Nor when it is one of several views a `Suspend` may give.
            let view = counted(&put_off);
            let mut walked = Suspend::new(async move { later(view).into_any() });
            walked.dry_resolve();
            assert_eq!(put_off.load(Ordering::SeqCst), 0);
        });
    }
}
