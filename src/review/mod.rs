//! Review: comparing analysts' work, agreement statistics, and the adjudicated gold layer.

pub mod adjudicate;
pub mod agreement;
pub mod compare;
pub mod gold;
pub mod gold_relations;
pub mod metrics;
pub mod progress;
pub mod relation_agreement;
pub mod relation_diff;

use std::fmt::Write;

use agreement::AgreementReport;

fn num(v: Option<f64>) -> String {
    v.map(|x| format!("{x:.3}")).unwrap_or_else(|| "n/a".into())
}

/// The agreement report as a plain-text table for the terminal.
pub fn text_report(r: &AgreementReport) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Agreement between {} on {} articles", r.annotators.join(", "), r.articles);
    let _ = writeln!(o, "\nPairs (P/R with the first analyst as reference):");
    let _ = writeln!(
        o,
        "  {:<24} {:>8} {:>8} {:>8} {:>10} {:>8}",
        "pair", "articles", "exactF1", "ovlpF1", "kappa", "tokens"
    );
    for p in &r.pairs {
        let _ = writeln!(
            o,
            "  {:<24} {:>8} {:>8} {:>8} {:>10} {:>8}",
            format!("{} ~ {}", p.a, p.b),
            p.articles,
            num(p.exact.f1),
            num(p.overlap.f1),
            num(p.cohen_kappa),
            p.tokens
        );
        for l in &p.per_label {
            let _ = writeln!(
                o,
                "    {:<22} {:>8} {:>8} {:>8} {:>10}",
                l.label,
                "",
                num(l.exact.f1),
                num(l.overlap.f1),
                num(l.cohen_kappa)
            );
        }
    }
    if r.pairs
        .iter()
        .any(|p| p.relations.f1.is_some() || p.attribute_values > 0 || p.linked_spans > 0)
    {
        let _ = writeln!(o, "\nRelations, attributes and entity links:");
        let _ = writeln!(
            o,
            "  {:<24} {:>10} {:>10} {:>8} {:>8} {:>8}",
            "pair", "relF1", "attrKappa", "values", "linkAcc", "linked"
        );
        for p in &r.pairs {
            let _ = writeln!(
                o,
                "  {:<24} {:>10} {:>10} {:>8} {:>8} {:>8}",
                format!("{} ~ {}", p.a, p.b),
                num(p.relations.f1),
                num(p.attribute_kappa),
                p.attribute_values,
                num(p.linking_accuracy),
                p.linked_spans
            );
        }
    }
    let g = &r.group;
    let _ = writeln!(o, "\nGroup: Fleiss' kappa {} ({} articles all worked on), Krippendorff's alpha {} ({} articles)", num(g.fleiss_kappa), g.fleiss_articles, num(g.krippendorff_alpha), g.alpha_articles);
    for l in &g.per_label {
        let _ = writeln!(
            o,
            "  {:<24} fleiss {:>7}  alpha {:>7}",
            l.label,
            num(l.fleiss_kappa),
            num(l.krippendorff_alpha)
        );
    }
    let _ = writeln!(o, "\nMost disagreement first:");
    for a in &r.ranked {
        let _ = writeln!(
            o,
            "  article {:<6} {:>3} disagreements, {:>5} of tokens differ  «{}»",
            a.article_id,
            a.disagreements,
            a.token_disagreement
                .map(|x| format!("{:.0}%", x * 100.0))
                .unwrap_or_else(|| "n/a".into()),
            a.title
        );
    }
    let _ = writeln!(
        o,
        "\nOverlap match: {}.\nTokens: {}.\nAlpha: {}.\nWorked on: {}.\nRelations: {}.\nAttributes: {}.\nLinks: {}.",
        r.overlap_rule,
        r.token_rule,
        r.alpha_rule,
        r.worked_rule,
        r.relation_rule,
        r.attribute_rule,
        r.linking_rule
    );
    o
}
