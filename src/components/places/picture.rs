//! Loads the event's map picture from the browser store once per picture
//! and hands out a `blob:` URL, revoked when the picture changes or the
//! component goes.

use crate::core::model::MapPicture;
use crate::platform::picture_url;
use crate::state::context::use_app;
use std::rc::Rc;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

#[derive(Debug, Clone, PartialEq)]
pub enum PictureState {
    /// The event has no map picture.
    None,
    Loading,
    Ready(Rc<str>),
    /// The event names a picture this browser does not hold (set up on
    /// another device, or its record is damaged).
    Missing,
}

/// Revokes its URL when dropped (the last clone goes).
struct Url(String);

impl Drop for Url {
    fn drop(&mut self) {
        picture_url::revoke(&self.0);
    }
}

#[hook]
pub fn use_map_picture(picture: Option<MapPicture>) -> PictureState {
    let app = use_app();
    let state = use_state(|| {
        if picture.is_some() {
            PictureState::Loading
        } else {
            PictureState::None
        }
    });
    let held = use_mut_ref(|| None::<Url>);
    {
        let state = state.clone();
        use_effect_with(picture, move |picture| {
            let picture = picture.clone();
            match picture {
                None => {
                    held.borrow_mut().take();
                    state.set(PictureState::None);
                }
                Some(p) => {
                    state.set(PictureState::Loading);
                    let held = held.clone();
                    spawn_local(async move {
                        let loaded = app.load_map_picture(&p).await.or_else(|| {
                            // The demo's map is built in, not stored.
                            (p == crate::core::demo::event::demo_map()).then(|| {
                                (
                                    p.mime.clone(),
                                    crate::core::demo::event::DEMO_MAP_SVG.to_vec(),
                                )
                            })
                        });
                        let url =
                            loaded.and_then(|(mime, bytes)| picture_url::object_url(&mime, &bytes));
                        match url {
                            Some(u) => {
                                state.set(PictureState::Ready(Rc::from(u.as_str())));
                                *held.borrow_mut() = Some(Url(u));
                            }
                            None => state.set(PictureState::Missing),
                        }
                    });
                }
            }
            || ()
        });
    }
    (*state).clone()
}
