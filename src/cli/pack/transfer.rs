//! `trivia pack import` and `trivia pack export`: packs in and out of the formats authors keep
//! questions in (Open Trivia DB, OpenTriviaQA, GIFT, CSV and TSV spreadsheets, Kahoot, Quizlet and
//! Anki text, JSON; GIFT, JSON, CSV and TSV out).

use super::*;

pub(super) fn import_command(args: ImportArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let format = import::Format::from(args.from);
    if let Some(id) = &args.id
        && let Some(problem) = crate::pack::check::id_problem(id)
    {
        return Err(Error::usage(format!("pack id `{id}` {problem}")));
    }
    if let Some(output) = &args.output {
        refuse_overwrite(output, args.force)?;
    }
    let mut inputs = Vec::with_capacity(args.files.len());
    for file in &args.files {
        let bytes = crate::input::read_bytes(file).map_err(|problem| match problem {
            ReadProblem::Io(message) => Error::Io {
                action: "read",
                path: file.clone(),
                source: std::io::Error::other(message),
            },
            problem => Error::usage(format!("`{}`: {problem}", file.display())),
        })?;
        inputs.push(Input {
            name: file.display().to_string(),
            bytes,
        });
    }

    let bar = console.terminals.stderr.then(|| {
        let bar = indicatif::ProgressBar::with_draw_target(
            Some(0),
            indicatif::ProgressDrawTarget::stderr(),
        );
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "importing {msg} [{bar:30}] {percent:>3}% ({elapsed})",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        bar.set_message(format.as_str());
        bar
    });
    let mut progress = |done: u64, total: u64| {
        if let Some(bar) = &bar {
            bar.set_length(total);
            bar.set_position(done);
        }
    };
    let pack_id = json_pack_id(&args, &inputs).unwrap_or_else(|| imported_pack_id(&args, format));
    let report = import::import(format, &inputs, &pack_id, &mut progress);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }

    if !args.quiet {
        for skipped in &report.skipped {
            writeln!(
                console.stderr,
                "warning: {}",
                for_terminal(&skipped.to_string())
            )?;
        }
    }
    if report.questions.is_empty() {
        writeln!(console.stderr, "{}", report.summary())?;
        return Err(Error::usage(format!(
            "no question could be imported from {}",
            names(&args.files)
        )));
    }
    let mut pack = imported_pack(&args, format, report.questions.clone());
    if let Some(meta) = &report.meta {
        // A trivia JSON export brings its own metadata; the command line still decides id and title.
        pack.meta = PackMeta {
            id: pack_id.clone(),
            title: args.title.clone().unwrap_or_else(|| meta.title.clone()),
            ..meta.clone()
        };
    }
    let text = pack::to_toml(&pack);
    match &args.output {
        Some(output) => {
            write_file(output, &text)?;
            writeln!(
                console.stderr,
                "wrote {}",
                for_terminal(&output.display().to_string())
            )?;
        }
        None => console.stdout.write_all(text.as_bytes())?,
    }
    writeln!(console.stderr, "{}", report.summary())?;
    Ok(ExitCode::Success)
}

pub(super) fn names(files: &[PathBuf]) -> String {
    files
        .iter()
        .map(|file| format!("`{}`", for_terminal(&file.display().to_string())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The id of an imported pack: `--id`, else from the output file's name, else `FORMAT-import`.
pub(super) fn imported_pack_id(args: &ImportArgs, format: import::Format) -> String {
    let from_output = args
        .output
        .as_ref()
        .and_then(|output| output.file_stem())
        .map(|stem| pack_id_from_name(&stem.to_string_lossy()));
    args.id
        .clone()
        .or(from_output)
        .unwrap_or_else(|| format!("{}-import", format.as_str()))
}

/// The pack id a trivia JSON export names, when that is what is imported and no id is given.
pub(super) fn json_pack_id(args: &ImportArgs, inputs: &[Input]) -> Option<String> {
    if args.id.is_some() || args.from != ImportFormat::Json {
        return None;
    }
    let document: serde_json::Value = serde_json::from_slice(&inputs.first()?.bytes).ok()?;
    let id = document.get("meta")?.get("id")?.as_str()?;
    crate::pack::check::id_problem(id)
        .is_none()
        .then(|| id.to_string())
}

pub(super) fn imported_pack(
    args: &ImportArgs,
    format: import::Format,
    questions: Vec<crate::question::Question>,
) -> Pack {
    let id = imported_pack_id(args, format);
    let files: Vec<String> = args
        .files
        .iter()
        .map(|file| {
            file.file_name().map_or_else(
                || file.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            )
        })
        .collect();
    let (provenance, license) = format.provenance();
    let shown = if files.len() > 3 {
        format!("{}, ... ({} files)", files[..3].join(", "), files.len())
    } else {
        files.join(", ")
    };
    let title = args
        .title
        .clone()
        .unwrap_or_else(|| format!("Imported from {shown}"));
    Pack {
        meta: PackMeta {
            id,
            title,
            author: None,
            description: Some(format!("Imported from {provenance}: {shown}.")),
            version: None,
            language: None,
            license: license.map(str::to_string),
            time_limit: None,
        },
        questions,
    }
}

pub(super) fn export_command(args: ExportArgs, console: &mut Console<'_>) -> Result<ExitCode> {
    let pack = if args.pack.exists() {
        let mut packs = pack::load_paths(std::slice::from_ref(&args.pack))
            .map_err(|diagnostics| Error::Invalid { diagnostics })?;
        if packs.len() != 1 {
            return Err(Error::usage(format!(
                "`{}` holds {} packs; export one file at a time",
                args.pack.display(),
                packs.len()
            )));
        }
        packs.remove(0)
    } else {
        let wanted = args.pack.to_string_lossy();
        pack::bundled()
            .into_iter()
            .find(|pack| pack.meta.id == wanted)
            .ok_or_else(|| {
                Error::usage(format!(
                    "no pack file `{wanted}` and no bundled pack with that id (see `trivia pack list`)"
                ))
            })?
    };
    if let Some(output) = &args.output {
        refuse_overwrite(output, args.force)?;
    }
    let text = match args.to {
        ExportFormat::Json => export::to_json(&pack),
        ExportFormat::Csv => export::to_csv(&pack, b','),
        ExportFormat::Tsv => export::to_csv(&pack, b'\t'),
        ExportFormat::Gift => {
            let gift = export::to_gift(&pack);
            if !gift.skipped.is_empty() {
                let skipped: Vec<String> = gift
                    .skipped
                    .iter()
                    .map(|(kind, count)| format!("{count} {kind}"))
                    .collect();
                writeln!(
                    console.stderr,
                    "skipped {} question(s) GIFT cannot express: {}",
                    gift.skipped.values().sum::<usize>(),
                    skipped.join(", ")
                )?;
            }
            writeln!(
                console.stderr,
                "exported {} question(s) as GIFT",
                gift.exported
            )?;
            gift.text
        }
    };
    match &args.output {
        Some(output) => {
            write_file(output, &text)?;
            writeln!(
                console.stderr,
                "wrote {}",
                for_terminal(&output.display().to_string())
            )?;
        }
        None => console.stdout.write_all(text.as_bytes())?,
    }
    Ok(ExitCode::Success)
}
