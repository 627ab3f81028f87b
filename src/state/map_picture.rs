//! Keeping the event's map picture: its bytes go to the browser store's blob
//! bucket (checked first by `core::places::picture`), its description into
//! the event as one undoable place edit. Loading gives the bytes back for a
//! `blob:` URL.

use super::app_state::{Action, StorageHealth};
use super::context::{health, AppContext};
use crate::core::model::MapPicture;
use crate::core::places::picture::{inspect, PictureError, PictureRecord};
use crate::core::places::PlaceEdit;

/// Why an upload did not land.
#[derive(Debug, Clone, PartialEq)]
pub enum UploadError {
    Picture(PictureError),
    /// The store refused it (full, read-only tab...); the banner says more.
    Store(String),
}

impl AppContext {
    /// Checks and keeps a picture, then shows it behind the places.
    pub async fn upload_map_picture(
        &self,
        bytes: &[u8],
        file_name: &str,
    ) -> Result<MapPicture, UploadError> {
        let picture = inspect(bytes, file_name).map_err(UploadError::Picture)?;
        let repo = self
            .repo()
            .ok_or_else(|| UploadError::Store("storage is not open yet".into()))?;
        if !self.state().storage.can_write() {
            return Err(UploadError::Store(format!("{:?}", self.state().storage)));
        }
        let record = PictureRecord::new(&picture.mime, bytes).to_json();
        if let Err(e) = repo.save_blob(&picture.key(), &record).await {
            let h = health(&e);
            if h != StorageHealth::Ok {
                self.dispatch(Action::StorageProblem(h));
            }
            return Err(UploadError::Store(e.to_string()));
        }
        self.dispatch(Action::EditPlaces(PlaceEdit::SetMap {
            map: Some(picture.clone()),
        }));
        Ok(picture)
    }

    /// The picture's bytes and type, or `None` when they are not (or no
    /// longer) in this browser's store.
    pub async fn load_map_picture(&self, picture: &MapPicture) -> Option<(String, Vec<u8>)> {
        let repo = self.repo()?;
        let text = repo.load_blob(&picture.key()).await.ok()??;
        PictureRecord::from_json(&text)
    }
}
