#!/usr/bin/env bash
# Kickoff PDF of a complete core + SEO brief: Deepbrief (Typst in-process) side by side with what an
# agency does today — the same brief's Markdown export, as HTML, converted by LibreOffice headless.
# Prints each figure and the ratios; docs/PERFORMANCE.md ("Kickoff PDF") records a run.
#
#   scripts/bench-pdf-vs-libreoffice.sh [RUNS]      (default 5 runs of each cold conversion)
#
# Needs Debian's libreoffice-writer-nogui (installed here when missing, as root).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

RUNS=${1:-5}
if ! command -v soffice >/dev/null; then
  echo "installing libreoffice-writer-nogui…" >&2
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libreoffice-writer-nogui >/dev/null
fi

OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
calc() { awk "BEGIN { printf \"%.1f\", $1 }"; }
ms() { calc "($2 - $1) / 1000"; }
now_us() { echo "${EPOCHREALTIME/./}"; }

echo "== building the benchmark (release)"
cargo bench -p deepbrief-export --bench pdf --no-run >/dev/null 2>&1

echo "== Deepbrief: first PDF in a fresh process (fonts parsed, template compiled), $RUNS runs"
first=()
for _ in $(seq "$RUNS"); do
  line=$(DEEPBRIEF_BENCH_FIRST=1 DEEPBRIEF_BENCH_OUT="$OUT" \
    cargo bench -q -p deepbrief-export --bench pdf 2>/dev/null | grep '^first_pdf_ms')
  first+=("${line#first_pdf_ms }")
done
printf '   %s ms\n' "${first[@]}"

echo "== Deepbrief: warm renders (criterion)"
cargo bench -q -p deepbrief-export --bench pdf -- kickoff_pdf_warm --noplot 2>/dev/null \
  | tee "$OUT/criterion.txt" | grep -E '^kickoff|time:' || true
# The middle of criterion's interval, in ms.
crit_ms() {
  grep -A1 "^$1" "$OUT/criterion.txt" | grep -o 'time:.*' \
    | sed -E 's/time: +\[[^ ]+ [^ ]+ ([0-9.]+) ([mµu]s).*/\1 \2/' \
    | awk '{ v=$1; if ($2=="µs"||$2=="us") v=v/1000; print v }'
}
new_ms=$(crit_ms kickoff_pdf_warm_changed_brief)
edit_ms=$(crit_ms kickoff_pdf_warm_one_answer_edited)
same_ms=$(crit_ms kickoff_pdf_warm_same_brief)

echo "== LibreOffice: brief.html → PDF, a fresh soffice each run (what a person or a script does)"
lo=()
profile="$OUT/lo-profile"
# One warm-up run creates the LibreOffice user profile, so it is not counted.
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$OUT/lo" \
  "$OUT/brief.html" >/dev/null 2>&1
for _ in $(seq "$RUNS"); do
  t0=$(now_us)
  soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$OUT/lo" \
    "$OUT/brief.html" >/dev/null 2>&1
  t1=$(now_us)
  lo+=("$(ms "$t0" "$t1")")
done
printf '   %s ms\n' "${lo[@]}"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
first_med=$(median "${first[@]}")
lo_med=$(median "${lo[@]}")
echo
echo "== medians"
echo "Deepbrief first PDF in a fresh process:        ${first_med} ms"
echo "Deepbrief warm, another brief (client changed): ${new_ms} ms"
echo "Deepbrief warm, one answer edited:             ${edit_ms} ms"
echo "Deepbrief warm, same brief again:              ${same_ms} ms"
echo "LibreOffice HTML → PDF:                        ${lo_med} ms"
echo "ratio LibreOffice / Deepbrief first:           $(calc "$lo_med / $first_med")×"
echo "ratio LibreOffice / Deepbrief another brief:   $(calc "$lo_med / $new_ms")×"
echo "ratio LibreOffice / Deepbrief one answer:      $(calc "$lo_med / $edit_ms")×"
echo "pages: Deepbrief $(pdfinfo "$OUT/brief.pdf" 2>/dev/null | awk '/^Pages/ {print $2}'), LibreOffice $(pdfinfo "$OUT/lo/brief.pdf" 2>/dev/null | awk '/^Pages/ {print $2}')"
