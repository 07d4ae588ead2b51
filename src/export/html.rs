//! The timeline as one self-contained HTML page.
//!
//! No network at view time: styles and script are inline and a Content
//! Security Policy forbids loading anything else. The policy allows exactly
//! the page's own script and style, named by their SHA-256 hashes: nothing
//! that article text could smuggle in (an inline handler, another
//! `<script>`) would run even if it escaped escaping. Document links are
//! written only for `http` and `https` URLs; any other scheme
//! (`javascript:`, `data:`) is shown as text. The page reads fine without
//! JavaScript (a list in time order; evidence and source chains open with a
//! click on `<details>`); with it, a filter bar narrows the list by actor,
//! outlet and disputed items. Every piece of article text is escaped.

use super::sha256::csp_source;
use super::xml_escape as esc;
use crate::query::conflicts::Report;
use crate::query::timeline::Item;
use std::collections::BTreeSet;
use std::io::{self, Write};

const STYLE: &str = r#"
body{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:1.5rem auto;padding:0 1rem;color:#222}
h1{font-size:1.5rem;margin-bottom:.2rem}.meta{color:#666;margin-top:0}
#filters{display:flex;gap:1rem;flex-wrap:wrap;align-items:center;background:#f4f4f6;padding:.5rem .8rem;border-radius:6px}
#filters[hidden]{display:none}
ol.timeline{list-style:none;padding:0;border-left:3px solid #c9cbd3;margin-left:.5rem}
li.item{margin:0 0 .9rem 0;padding:.2rem 0 .2rem 1rem;position:relative}
li.item::before{content:"";position:absolute;left:-.5rem;top:.6rem;width:.7rem;height:.7rem;border-radius:50%;background:#5470c6}
li.claim::before{background:#91a0c8}
li.conflict::before{background:#d9412b}
li.item[hidden]{display:none}
.when{font-weight:600;min-width:9rem;display:inline-block}
.kind{font-size:.8rem;background:#eef;border-radius:3px;padding:0 .3rem;margin-right:.3rem}
.status{font-size:.8rem;color:#666}
.badge{font-size:.8rem;background:#d9412b;color:#fff;border-radius:3px;padding:0 .3rem;margin-left:.3rem}
.who,.src{color:#555;font-size:.9rem}
details{font-size:.9rem;margin-top:.2rem}summary{cursor:pointer;color:#3451b2}
blockquote{margin:.2rem 0 .4rem 1rem;color:#333;border-left:2px solid #ddd;padding-left:.5rem}
table{border-collapse:collapse;margin:.5rem 0 1.2rem 0;font-size:.9rem}
td,th{border:1px solid #ddd;padding:.2rem .4rem;text-align:left;vertical-align:top}
"#;

const SCRIPT: &str = r#"
(function(){
  var items=[].slice.call(document.querySelectorAll('li.item'));
  var fa=document.getElementById('f-actor'),fo=document.getElementById('f-outlet'),fc=document.getElementById('f-conflict');
  var count=document.getElementById('f-count');
  function has(el,attr,v){return !v||el.getAttribute(attr).split('|').indexOf(v)>=0;}
  function apply(){
    var shown=0;
    items.forEach(function(el){
      var ok=has(el,'data-actors',fa.value)&&has(el,'data-outlets',fo.value)&&(!fc.checked||el.classList.contains('conflict'));
      el.hidden=!ok; if(ok)shown++;
    });
    count.textContent=shown+' of '+items.length+' shown';
  }
  [fa,fo,fc].forEach(function(x){x.addEventListener('change',apply);});
  document.getElementById('filters').addEventListener('submit',function(ev){ev.preventDefault();});
  items.forEach(function(el){el.addEventListener('click',function(ev){
    if(ev.target.closest('details,a'))return;
    var d=el.querySelector('details'); if(d)d.open=!d.open;
  });});
  document.getElementById('filters').hidden=false;
  document.body.setAttribute('data-interactive','yes');
  apply();
})();
"#;

/// Whether a link to `url` is safe to write: `http:` or `https:` only
/// (scheme case-insensitive, as browsers read it; leading spaces and
/// control characters, which browsers strip, do not hide another scheme).
pub fn is_web_url(url: &str) -> bool {
    let u = url.trim_start_matches(|c: char| c <= ' ');
    let Some((scheme, rest)) = u.split_once(':') else {
        return false;
    };
    (scheme.eq_ignore_ascii_case("http") || scheme.eq_ignore_ascii_case("https"))
        && rest.starts_with("//")
}

fn options(id: &str, label: &str, values: &BTreeSet<String>) -> String {
    let mut s = format!("<label>{label} <select id=\"{id}\"><option value=\"\">all</option>");
    for v in values {
        s.push_str(&format!("<option value=\"{0}\">{0}</option>", esc(v)));
    }
    s.push_str("</select></label>");
    s
}

/// Writes the page for these items; `conflicts` adds a "where sources
/// disagree" section and marks the disputed claims.
pub fn write(
    items: &[Item],
    conflicts: Option<&Report>,
    title: &str,
    out: &mut dyn Write,
) -> io::Result<()> {
    let actors: BTreeSet<String> = items
        .iter()
        .flat_map(|i| i.actors.iter().map(|a| a.name.clone()))
        .collect();
    let outlets: BTreeSet<String> = items
        .iter()
        .flat_map(|i| i.outlets.iter().cloned())
        .collect();
    let mut s = String::new();
    s.push_str("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
    s.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    s.push_str(&format!(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src {}; script-src {}; base-uri 'none'; form-action 'none'\">",
        csp_source(STYLE),
        csp_source(SCRIPT)
    ));
    s.push_str(&format!(
        "<title>{}</title><style>{STYLE}</style></head>\n<body>\n",
        esc(title)
    ));
    s.push_str(&format!("<h1>{}</h1>\n", esc(title)));
    let dated: Vec<&Item> = items.iter().filter(|i| i.time.is_some()).collect();
    let span = match (dated.first(), dated.last()) {
        (Some(a), Some(b)) => format!(", {} to {}", esc(&a.when), esc(&b.when)),
        _ => String::new(),
    };
    s.push_str(&format!(
        "<p class=\"meta\">{} items{span}. Dates are shown at the precision the sources give. Click an item for its evidence and source chain.</p>\n",
        items.len()
    ));
    s.push_str("<form id=\"filters\" hidden>");
    s.push_str(&options("f-actor", "Actor", &actors));
    s.push_str(&options("f-outlet", "Outlet", &outlets));
    s.push_str("<label><input type=\"checkbox\" id=\"f-conflict\"> disputed only</label><span id=\"f-count\"></span></form>\n");
    if items.is_empty() {
        s.push_str("<p>No items match.</p>\n");
    }
    s.push_str("<ol class=\"timeline\">\n");
    for (i, it) in items.iter().enumerate() {
        let names: Vec<String> = it.actors.iter().map(|a| a.name.clone()).collect();
        s.push_str(&format!(
            "<li id=\"item-{i}\" class=\"item {}{}\" data-actors=\"|{}|\" data-outlets=\"|{}|\">",
            it.item,
            if it.conflicting { " conflict" } else { "" },
            esc(&names.join("|")),
            esc(&it.outlets.join("|"))
        ));
        s.push_str(&format!(
            "<span class=\"when\">{}</span> <span class=\"kind\">{}</span><span class=\"label\">{}</span> <span class=\"status\">({})</span>",
            esc(&it.when),
            esc(&it.kind),
            esc(&it.label),
            esc(&it.status)
        ));
        if it.conflicting {
            s.push_str("<span class=\"badge\" title=\"another source disagrees\">disputed</span>");
        }
        if !names.is_empty() && it.item == "event" {
            s.push_str(&format!(
                "<div class=\"who\">{}</div>",
                esc(&names.join(", "))
            ));
        }
        s.push_str(&format!(
            "<div class=\"src\">{} independent source{}: {}</div>",
            it.sources,
            if it.sources == 1 { "" } else { "s" },
            esc(&it.outlets.join(", "))
        ));
        s.push_str("<details><summary>Evidence and source chain</summary>");
        for r in &it.reports {
            let doc = match r.document.url.as_deref().filter(|u| is_web_url(u)) {
                Some(u) => format!(
                    "<a href=\"{}\">{}</a>",
                    esc(u),
                    esc(r.document.title.as_deref().unwrap_or(&r.document.key))
                ),
                None => esc(r.document.title.as_deref().unwrap_or(&r.document.key)),
            };
            s.push_str(&format!(
                "<div>{} &middot; {} &middot; {}<blockquote>{}</blockquote></div>",
                esc(&r.document.published),
                esc(r.chain.as_deref().unwrap_or(&r.outlet)),
                doc,
                esc(&r.evidence)
            ));
        }
        s.push_str("</details></li>\n");
    }
    s.push_str("</ol>\n");
    if let Some(rep) = conflicts.filter(|r| !r.conflicts.is_empty()) {
        s.push_str("<section id=\"conflicts\"><h2>Where sources disagree</h2>\n");
        for g in &rep.conflicts {
            s.push_str(&format!("<h3>{}</h3><table><tr><th>date</th><th>claimant</th><th>figure</th><th>chain</th><th>evidence</th></tr>", esc(&g.subject)));
            for side in &g.sides {
                s.push_str(&format!(
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                    esc(side
                        .valid
                        .as_deref()
                        .or(side.stated.as_deref())
                        .unwrap_or(&side.published)),
                    esc(&side.claimant),
                    esc(side.figure.as_deref().unwrap_or(&side.polarity)),
                    esc(&side.chain),
                    esc(&side.evidence)
                ));
            }
            s.push_str("</table><ul>");
            for d in &g.disagreements {
                s.push_str(&format!("<li>disagree: {}</li>", esc(&d.summary)));
            }
            for c in &g.changes {
                s.push_str(&format!("<li>changed over time: {}</li>", esc(&c.summary)));
            }
            s.push_str("</ul>\n");
        }
        s.push_str("</section>\n");
    }
    s.push_str(&format!("<script>{SCRIPT}</script>\n</body></html>\n"));
    out.write_all(s.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_urls_are_links() {
        for ok in [
            "https://example.org/a",
            "HTTP://example.org",
            " http://x.test",
        ] {
            assert!(is_web_url(ok), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "data:text/html,<b>x</b>",
            "vbscript:x",
            "example.org/page",
            "https:example.org",
            "",
        ] {
            assert!(!is_web_url(bad), "{bad}");
        }
    }

    #[test]
    fn the_policy_names_the_pages_own_script_and_style() {
        let mut out = Vec::new();
        write(&[], None, "t", &mut out).unwrap();
        let page = String::from_utf8(out).unwrap();
        assert!(page.contains(&format!("script-src {};", csp_source(SCRIPT))));
        assert!(page.contains(&format!("style-src {};", csp_source(STYLE))));
        assert!(!page.contains("unsafe-inline"));
        assert!(
            !page.contains("onsubmit") && !page.contains("onclick"),
            "no inline event handler"
        );
        assert!(page.contains(&format!("<script>{SCRIPT}</script>")));
    }
}
