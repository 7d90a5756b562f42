//! How an old list becomes a new one: elements kept, changed in place, removed or added.

/// One step of turning an old list into a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Step {
    /// The old element at this index stays as it is.
    Keep(usize),
    /// The old element becomes the new one (same place, new content).
    Change { old: usize, new: usize },
    /// The old element goes.
    Remove(usize),
    /// The new element is added here.
    Add(usize),
}

/// Largest list pair matched element by element (longest common subsequence); beyond it,
/// elements are paired by position, which is slower to read in a diff but still correct.
pub(super) const MAX_MATCH_CELLS: usize = 250_000;

/// The steps from `old` to `new`: equal elements are kept, and between them old and new
/// elements are paired by position (changed), the rest removed or added.
pub(super) fn list_steps<T: PartialEq>(old: &[T], new: &[T]) -> Vec<Step> {
    let prefix = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let room = old.len().min(new.len()) - prefix;
    let suffix = old
        .iter()
        .rev()
        .zip(new.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let old_mid = old.get(prefix..old.len() - suffix).unwrap_or_default();
    let new_mid = new.get(prefix..new.len() - suffix).unwrap_or_default();
    let mut steps: Vec<Step> = (0..prefix).map(Step::Keep).collect();
    let (mut i, mut j) = (0, 0);
    for (a, b) in common_subsequence(old_mid, new_mid)
        .into_iter()
        .chain([(old_mid.len(), new_mid.len())])
    {
        while i < a && j < b {
            steps.push(Step::Change {
                old: prefix + i,
                new: prefix + j,
            });
            i += 1;
            j += 1;
        }
        steps.extend((i..a).map(|k| Step::Remove(prefix + k)));
        steps.extend((j..b).map(|k| Step::Add(prefix + k)));
        if a < old_mid.len() {
            steps.push(Step::Keep(prefix + a));
        }
        (i, j) = (a + 1, b + 1);
    }
    steps.extend((old.len() - suffix..old.len()).map(Step::Keep));
    steps
}

/// Index pairs of a longest common subsequence, in order; none when the lists are too long
/// to match in reasonable time and memory.
pub(super) fn common_subsequence<T: PartialEq>(old: &[T], new: &[T]) -> Vec<(usize, usize)> {
    let (n, m) = (old.len(), new.len());
    if n == 0 || m == 0 || n.saturating_mul(m) > MAX_MATCH_CELLS {
        return Vec::new();
    }
    // lengths[i * (m + 1) + j]: length of the longest common subsequence of old[i..], new[j..].
    let width = m + 1;
    let mut lengths = vec![0u32; (n + 1) * width];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let value = if old.get(i) == new.get(j) {
                lengths.get((i + 1) * width + j + 1).map_or(0, |l| l + 1)
            } else {
                let down = lengths.get((i + 1) * width + j).copied().unwrap_or(0);
                let right = lengths.get(i * width + j + 1).copied().unwrap_or(0);
                down.max(right)
            };
            if let Some(cell) = lengths.get_mut(i * width + j) {
                *cell = value;
            }
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if old.get(i) == new.get(j) {
            pairs.push((i, j));
            i += 1;
            j += 1;
        } else if lengths.get((i + 1) * width + j) >= lengths.get(i * width + j + 1) {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}
