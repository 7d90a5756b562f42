//! `michi roster synth`: a fictitious roster, and with `--history-out` the same staff's
//! posting history, both streamed to their files (so millions of rows are never held).

use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Args;

use super::{EncodingArg, error, profile_of, workbook_error, write_output};
use crate::cli::output::{begin_new_file, finish_new_file};
use crate::i18n::Lang;
use crate::model::Date;
use crate::store::fsio::Keep;
use crate::store::roster::synth::{self, HistoryOut, Postings, ShiftJisWriter};

#[derive(Debug, Args)]
pub struct SynthArgs {
    #[arg(long)]
    pub profile: String,
    #[arg(long)]
    pub rows: u64,
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Rows to break on purpose (each kind of problem in turn).
    #[arg(long, default_value_t = 0)]
    pub bad_rows: u64,
    #[arg(long, value_parser = crate::cli::plan::parse_today)]
    pub today: Option<Date>,
    /// The file: CSV, or an Excel workbook when it ends in .xlsx.
    #[arg(short, long)]
    pub output: PathBuf,
    /// Also write the same staff's posting history (職員番号, 所属, 開始日, 終了日) as CSV,
    /// in the profile's departments, for `michi roster --history`; the roster's 所属 and
    /// 所属発令日 are then the current posting's.
    #[arg(long, value_name = "FILE")]
    pub history_out: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
    /// The CSV's text encoding (default UTF-8; Shift_JIS as many 人事給与 systems write).
    #[arg(long, value_enum)]
    pub encoding: Option<EncodingArg>,
}

fn usage(lang: Lang, ja: String, en: String) -> ExitCode {
    error(lang, ja, en);
    ExitCode::from(2)
}

/// Whether two paths name one file (as written, or once resolved when both exist).
fn same_file(a: &Path, b: &Path) -> bool {
    a == b
        || matches!(
            (std::fs::canonicalize(a), std::fs::canonicalize(b)),
            (Ok(x), Ok(y)) if x == y
        )
}

/// UTF-8 as it is, or encoded into Shift_JIS on the way. The synthetic names and the
/// bundled profiles' departments are all in Shift_JIS's repertoire; a user profile's
/// character outside it is written as an HTML numeric reference (encoding_rs's way).
fn encoded<'a>(out: &'a mut dyn Write, sjis: bool) -> Box<dyn Write + 'a> {
    if sjis {
        Box::new(ShiftJisWriter::new(out))
    } else {
        Box::new(out)
    }
}

/// The history's departments and writer, when there is a history.
fn history<'a>(
    postings: &'a Option<(&Path, Postings)>,
    writer: &'a mut Option<Box<dyn Write + '_>>,
) -> Option<HistoryOut<'a>> {
    match (postings, writer.as_mut()) {
        (Some((_, postings)), Some(w)) => Some(HistoryOut {
            postings,
            out: w.as_mut(),
        }),
        _ => None,
    }
}

pub fn run(args: SynthArgs, lang: Lang, out: &mut impl Write) -> io::Result<ExitCode> {
    let profile = match profile_of(&args.profile, lang) {
        Ok(p) => p,
        Err(code) => return Ok(code),
    };
    let today = args.today.unwrap_or_else(crate::clock::today_in_japan);
    let sjis = args.encoding == Some(EncodingArg::Sjis);
    let postings = match &args.history_out {
        None => None,
        Some(path) if path.as_os_str() == "-" || same_file(path, &args.output) => {
            return Ok(usage(
                lang,
                "--history-out には -o と別のファイルの名前を指定してください".to_string(),
                "give --history-out a file name other than -o's".to_string(),
            ));
        }
        Some(path) => match Postings::new(&profile) {
            Some(postings) => Some((path.as_path(), postings)),
            None => {
                return Ok(usage(
                    lang,
                    format!(
                        "プロファイル {} には所属（[rotation] の departments）がないため、配属履歴を作れません",
                        profile.id
                    ),
                    format!(
                        "the profile {} names no departments ([rotation] departments), so no posting history can be made",
                        profile.id
                    ),
                ));
            }
        },
    };
    // Both files are checked before anything is written; neither appears unless both are
    // whole.
    let mut history_file = match &postings {
        None => None,
        Some((path, _)) => match begin_new_file(path, args.force, Keep::Private, lang) {
            Ok(file) => Some(file),
            Err(code) => return Ok(code),
        },
    };
    let mut history_writer = history_file.as_mut().map(|f| encoded(f, sjis));
    let cannot = |e: String| error(lang, format!("書き込めません: {e}"), format!("cannot write: {e}"));
    let workbook = args.output.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    if workbook {
        let bytes = match synth::write_workbook(
            &profile,
            today,
            args.rows,
            args.seed,
            args.bad_rows,
            history(&postings, &mut history_writer),
        ) {
            Ok(bytes) => bytes,
            Err(e) => return Ok(workbook_error(lang, e)),
        };
        if let Some(Err(e)) = history_writer.as_mut().map(|w| w.flush()) {
            return Ok(cannot(e.to_string()));
        }
        let code = write_output(Some(&args.output), &bytes, args.force, lang, out)?;
        if code != ExitCode::SUCCESS {
            return Ok(code);
        }
    } else {
        let to_stdout = args.output.as_os_str() == "-";
        let mut roster_file = if to_stdout {
            None
        } else {
            match begin_new_file(&args.output, args.force, Keep::Private, lang) {
                Ok(file) => Some(file),
                Err(code) => return Ok(code),
            }
        };
        let mut stdout = BufWriter::new(out);
        let written = {
            let target: &mut dyn Write = match roster_file.as_mut() {
                Some(file) => file,
                None => &mut stdout,
            };
            let mut roster = encoded(target, sjis);
            let (rows, seed, bad) = (args.rows, args.seed, args.bad_rows);
            match history(&postings, &mut history_writer) {
                Some(h) => synth::write_roster_and_history(&profile, today, rows, seed, bad, &mut roster, h),
                None => synth::write_roster(&profile, today, rows, seed, bad, &mut roster),
            }
            .and_then(|()| roster.flush())
            .and_then(|()| history_writer.as_mut().map_or(Ok(()), |w| w.flush()))
        };
        if let Err(e) = written.and_then(|()| stdout.flush()) {
            return Ok(cannot(e.to_string()));
        }
        if let Some(file) = roster_file
            && let Err(code) = finish_new_file(file, &args.output, lang)
        {
            return Ok(code);
        }
    }
    drop(history_writer);
    if let (Some(file), Some((path, _))) = (history_file, &postings)
        && let Err(code) = finish_new_file(file, path, lang)
    {
        return Ok(code);
    }
    Ok(ExitCode::SUCCESS)
}
