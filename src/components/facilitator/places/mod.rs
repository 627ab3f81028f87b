//! The facilitator's where-they-go set-up: the place list (add, edit,
//! reorder, delete, undo, CSV import), the local-area map picture with pins
//! dragged onto it, and the review of places residents added.

mod csv_import;
mod list;
mod map_setup;
mod messages;
mod new_places;
mod row;

use yew::prelude::*;

#[function_component(PlacesSetup)]
pub fn places_setup() -> Html {
    html! {
        <div class="places-setup">
            <list::PlaceList />
            <map_setup::MapSetup />
            <new_places::NewPlaces />
        </div>
    }
}
