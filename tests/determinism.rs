//! The same project gives the same bytes: whatever the number of threads,
//! however often it is built, and whether it is built or only checked.

mod common;

use guidepress::output::units::PrintSheet;

#[test]
fn builds_are_byte_identical_whatever_the_thread_count() {
    let runs = [("one-thread", Some(1)), ("two-threads", Some(2)), ("all-cores", None)];
    let mut outputs = Vec::new();
    for (name, jobs) in runs {
        let out = common::temp_dir(&format!("determinism-{name}"));
        let report = common::build_bundled(&out, jobs);
        assert!(report.failed.is_empty(), "{name}: {:?}", report.failed);
        assert_eq!(report.built.len(), 6, "{name}");
        outputs.push((name, common::files_in(&out.join("pdf"))));
        let _ = std::fs::remove_dir_all(&out);
    }
    let (first, reference) = &outputs[0];
    let names: Vec<&str> = reference.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names.len(), 6, "{names:?}");
    for (name, files) in &outputs[1..] {
        let other: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
        assert_eq!(names, other, "{first} and {name} wrote different files");
        for ((file, a), (_, b)) in reference.iter().zip(files) {
            assert!(a == b, "{file} differs between {first} and {name}");
        }
    }
}

#[test]
fn a_rebuild_into_the_same_folder_gives_the_same_bytes() {
    let out = common::temp_dir("determinism-rebuild");
    common::build_bundled(&out, Some(2));
    let before = common::files_in(&out.join("pdf"));
    common::build_bundled(&out, Some(3));
    assert!(before == common::files_in(&out.join("pdf")), "a rebuild changed a PDF");
    let _ = std::fs::remove_dir_all(&out);
}

#[test]
fn check_renders_the_same_bytes_as_build() {
    let out = common::temp_dir("determinism-render");
    common::build_bundled(&out, None);
    let l = common::bundled();
    for g in common::bundled_guides(&l) {
        let unit = PrintSheet::render(g, &l.collection)
            .unwrap_or_else(|d| panic!("{}: {d}", g.id));
        let bytes = unit.pdf;
        let written =
            std::fs::read(out.join("pdf").join(format!("{}.pdf", g.id))).unwrap();
        assert!(bytes == written, "{}: rendering in memory differs from the file", g.id);
    }
    let _ = std::fs::remove_dir_all(&out);
}
