//! Problems with a place CSV or a map picture, in words (through i18n).

use crate::core::places::csv::{CsvProblem, ProblemKind};
use crate::core::places::picture::PictureError;
use crate::state::context::AppContext;

fn mb(bytes: usize) -> String {
    format!("{:.1}", bytes as f64 / 1_048_576.0)
}

/// One problem as a sentence naming its line.
pub fn csv_problem(app: &AppContext, p: &CsvProblem) -> String {
    let line = ("line", p.line.into());
    match &p.kind {
        ProblemKind::Empty => app.t_with("csv-empty", &[line]),
        ProblemKind::TooLarge { bytes, limit } => app.t_with(
            "csv-too-large",
            &[("size", mb(*bytes).into()), ("limit", mb(*limit).into())],
        ),
        ProblemKind::NotUtf8 { byte, latin1 } => app.t_with(
            if *latin1 {
                "csv-latin1"
            } else {
                "csv-not-utf8"
            },
            &[line, ("byte", format!("0x{byte:02X}").into())],
        ),
        ProblemKind::NotText => app.t_with("csv-not-text", &[line]),
        ProblemKind::Malformed { detail } => {
            app.t_with("csv-malformed", &[line, ("detail", detail.clone().into())])
        }
        ProblemKind::MissingColumn { column, header } => app.t_with(
            "csv-missing-column",
            &[
                line,
                ("column", (*column).into()),
                ("header", header.chars().take(80).collect::<String>().into()),
            ],
        ),
        ProblemKind::DuplicateColumn { column } => app.t_with(
            "csv-duplicate-column",
            &[line, ("column", column.clone().into())],
        ),
        ProblemKind::TooManyCells { found, expected } => app.t_with(
            "csv-too-many-cells",
            &[
                line,
                ("found", (*found).into()),
                ("expected", (*expected).into()),
            ],
        ),
        ProblemKind::EmptyName => app.t_with("csv-empty-name", &[line]),
        ProblemKind::NameTooLong { chars } => {
            app.t_with("csv-name-too-long", &[line, ("chars", (*chars).into())])
        }
        ProblemKind::DescriptionTooLong { chars } => app.t_with(
            "csv-description-too-long",
            &[line, ("chars", (*chars).into())],
        ),
        ProblemKind::EmptyCategory => app.t_with("csv-empty-category", &[line]),
        ProblemKind::UnknownCategory { value } => app.t_with(
            "csv-unknown-category",
            &[line, ("value", value.clone().into())],
        ),
        ProblemKind::BadNumber { column, value } => app.t_with(
            "csv-bad-number",
            &[
                line,
                ("column", (*column).into()),
                ("value", value.clone().into()),
            ],
        ),
        ProblemKind::OutOfRange { column, value } => app.t_with(
            "csv-out-of-range",
            &[
                line,
                ("column", (*column).into()),
                ("value", value.clone().into()),
            ],
        ),
        ProblemKind::HalfPin { missing } => {
            app.t_with("csv-half-pin", &[line, ("missing", (*missing).into())])
        }
        ProblemKind::DuplicateName { name, first_line } => app.t_with(
            "csv-duplicate-name",
            &[
                line,
                ("name", name.clone().into()),
                ("first", (*first_line).into()),
            ],
        ),
        ProblemKind::TooManyPlaces { limit } => {
            app.t_with("csv-too-many-places", &[line, ("limit", (*limit).into())])
        }
    }
}

pub fn picture_problem(app: &AppContext, e: &PictureError) -> String {
    match e {
        PictureError::TooLarge { bytes, limit } => app.t_with(
            "map-too-large",
            &[("size", mb(*bytes).into()), ("limit", mb(*limit).into())],
        ),
        PictureError::NotAPicture => app.t("map-not-a-picture"),
        PictureError::Damaged => app.t("map-damaged"),
        PictureError::UnsafeSvg => app.t("map-unsafe-svg"),
        PictureError::TooManyPixels { width, height } => app.t_with(
            "map-too-many-pixels",
            &[
                ("width", (*width as usize).into()),
                ("height", (*height as usize).into()),
            ],
        ),
        PictureError::TooFewPixels { width, height } => app.t_with(
            "map-too-few-pixels",
            &[
                ("width", (*width as usize).into()),
                ("height", (*height as usize).into()),
            ],
        ),
    }
}
