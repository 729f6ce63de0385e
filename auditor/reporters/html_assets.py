"""The HTML report's inline style sheet and its one script (allowed by hash in the CSP).

The script adds filters (by pack and severity) and keyboard navigation between findings:
j/n/↓ next, k/p/↑ previous (arrows when a finding or highlight has focus), Enter jumps
between a finding in the list and its highlight in the text, Escape goes back from the text
to the list, or leaves the list. The page reads fully without it.
"""

from __future__ import annotations

CSS = """
:root{--err:#c62828;--warn:#9a5b00;--info:#1565c0;--bg:#fbf9f4;--fg:#1d1d1d;--line:#e2ddd0}
*{box-sizing:border-box}
body{font:16px/1.55 Georgia,'Times New Roman',serif;color:var(--fg);background:var(--bg);
 margin:0 auto;max-width:100em;padding:.6em 1.5em 4em}
h1,h2,h3,table,.pane,.legend,.summary,.meta,.keys{font-family:system-ui,sans-serif}
header.top h1{font-size:1.35em;margin:.2em 0}
.title{display:flex;flex-wrap:wrap;gap:0 1.2em;align-items:baseline}
.doc-head{display:flex;flex-wrap:wrap;gap:0 2.5em;align-items:flex-end}
.summary{margin:.1em 0 .6em}.meta{color:#444;font-size:.92em;margin:.1em 0 .5em}
.legend{display:flex;gap:1.2em 2.5em;flex-wrap:wrap;border:1px solid var(--line);
 padding:.4em .9em;border-radius:6px;background:#fff;font-size:.92em}
.legend fieldset{border:0;margin:0;padding:0}.legend legend{font-weight:600;padding:0}
.legend label{margin-right:1.1em;white-space:nowrap}
.count{display:inline-block;min-width:1.5em;padding:0 .4em;border-radius:1em;background:#eee;
 text-align:center;font-size:.85em;margin-left:.2em}
.swatch{display:inline-block;width:1.5em;height:.95em;vertical-align:-.1em;margin-right:.25em;
 background:#fff1c1;border-bottom:3px solid var(--warn)}
.swatch.sev-error{background:#fde0e0;border-color:var(--err)}
.swatch.sev-info{background:#e3efff;border-color:var(--info)}
.keys{font-size:.85em;color:#555;margin:.5em 0 0}
kbd{font:.85em ui-monospace,monospace;border:1px solid #bbb;border-bottom-width:2px;
 border-radius:3px;padding:0 .3em;background:#fff}
section.doc{margin-top:1.6em;border-top:2px solid var(--line);padding-top:.4em}
.doc-head h2{font-size:1.15em;margin:.3em 0 .1em;overflow-wrap:anywhere}
.score{font-size:1.25em}.score.low{color:var(--err)}.score.mid{color:var(--warn)}
.score.high{color:#2e7d32}
table.card{border-collapse:collapse;margin:.2em 0 .8em;font-size:.85em}
.card th,.card td{border:1px solid var(--line);padding:.15em .6em;text-align:right}
.card th[scope=row]{text-align:left;font-weight:600}
.card thead th{text-align:center;background:#f3f0e8}
.panes{display:grid;grid-template-columns:minmax(0,3fr) minmax(19em,2fr);gap:1.2em;
 align-items:start}
@media (max-width:56em){.panes{grid-template-columns:minmax(0,1fr)}
 .pane{position:static!important;max-height:none!important}}
.article{overflow-wrap:anywhere;background:#fff;border:1px solid var(--line);
 padding:.4em 1.4em 1em;border-radius:6px;min-width:0}
.article h1,.article h2,.article h3,.article h4,.article h5,.article h6{
 font-family:Georgia,serif;margin:.8em 0 .3em;line-height:1.3}
.article h1{font-size:1.5em}.article h2{font-size:1.3em}.article h3{font-size:1.18em}
.article p,.article li{margin:.55em 0}
.article blockquote{margin:.6em 0;padding-left:1em;border-left:3px solid var(--line);color:#333}
.article pre{white-space:pre-wrap;background:#f6f4ee;padding:.5em;border-radius:4px}
.article .comment{font:.85em ui-monospace,monospace;color:#666}
.article .link{text-decoration:underline dotted;color:#1a4f8b}
.article .image{color:#666;font-style:italic}
mark.hl{position:relative;background:#fff1c1;border-bottom:2px solid var(--warn);color:inherit;
 cursor:pointer;padding:0 1px}
mark.hl.sev-error{background:#fde0e0;border-bottom-color:var(--err)}
mark.hl.sev-info{background:#e3efff;border-bottom-color:var(--info)}
mark.hl.multi{border-bottom-style:double;border-bottom-width:3px}
mark.hl.off{background:none;border-bottom:0;cursor:text}
mark.hl.off>.tip{display:none!important}
mark.hl.current{box-shadow:0 0 0 2px #6d4c00}
mark.hl:focus{outline:3px solid #111;outline-offset:1px}
mark.hl.point{padding:0 2px;font-weight:bold}
.tip{display:none;position:absolute;left:0;top:100%;z-index:10;width:max-content;max-width:30em;
 white-space:normal;background:#222;color:#fff;font:13px/1.4 system-ui,sans-serif;
 padding:.45em .6em;border-radius:4px;box-shadow:0 2px 8px rgba(0,0,0,.3);text-align:left}
.tip span{display:block}.tip span+span{margin-top:.35em}.tip b{font-weight:600}
mark.hl:hover>.tip,mark.hl:focus>.tip{display:block}
.pane{position:sticky;top:.5em;max-height:calc(100vh - 1em);overflow:auto;background:#fff;
 border:1px solid var(--line);border-radius:6px;padding:.3em .6em .6em;font-size:.88em}
.pane h3{font-size:1em;margin:.3em 0}
.findings{list-style:none;margin:0;padding:0}
.findings li{margin:.3em 0;padding:.3em .5em;border-left:4px solid var(--warn);
 border-radius:0 4px 4px 0;background:#fbfaf6;scroll-margin:.5em}
.findings li.sev-error{border-left-color:var(--err)}
.findings li.sev-info{border-left-color:var(--info)}
.findings li.off{display:none}
.findings li.current{background:#fff3c4}
.findings li:focus{outline:3px solid #111;outline-offset:1px}
.findings q{font-style:italic}.findings .msg{display:block;color:#333}
.sev{font-weight:700;text-transform:uppercase;font-size:.78em}
.sev.error{color:var(--err)}.sev.warning{color:var(--warn)}.sev.info{color:var(--info)}
code{font-size:.92em}.errors{color:var(--err)}
"""

SCRIPT = """
(function(){'use strict';
var rank={info:0,warning:1,error:2},form=document.getElementById('filters'),current=null,last=null;
function all(sel,root){return Array.prototype.slice.call((root||document).querySelectorAll(sel));}
function is(el,sel){return !!(el&&el.matches&&el.matches(sel));}
function on(kind){var s={};all('input[data-kind="'+kind+'"]',form).forEach(function(i){
s[i.value]=i.checked;});return s;}
function apply(){var packs=on('pack'),sevs=on('sev');all('section.doc').forEach(function(sec){
var vis={};all('li.finding',sec).forEach(function(li){var v=packs[li.dataset.pack]!==false&&
sevs[li.dataset.sev]!==false;vis[li.dataset.i]=v?li.dataset.sev:null;li.classList.toggle('off',!v);});
all('mark.hl',sec).forEach(function(m){var best=null;m.dataset.f.split(' ').forEach(function(i){
var s=vis[i];if(s&&(best===null||rank[s]>rank[best]))best=s;});
m.classList.remove('sev-error','sev-warning','sev-info');m.classList.toggle('off',best===null);
if(best)m.classList.add('sev-'+best);m.tabIndex=best?0:-1;
all('.tip>span',m).forEach(function(t){t.hidden=vis[t.dataset.i]==null;});});});
if(current&&current.classList.contains('off'))select(null);}
function items(){return all('li.finding').filter(function(li){return !li.classList.contains('off');});}
function marksOf(li){var sec=li.closest('section.doc');return all('mark.hl',sec).filter(function(m){
return m.dataset.f.split(' ').indexOf(li.dataset.i)>=0;});}
function itemsOf(m){var sec=m.closest('section.doc');return m.dataset.f.split(' ').map(function(i){
return sec.querySelector('li.finding[data-i="'+i+'"]');}).filter(function(li){
return li&&!li.classList.contains('off');});}
function select(li){if(current){current.classList.remove('current');current.removeAttribute(
'aria-current');marksOf(current).forEach(function(m){m.classList.remove('current');});}
current=li;if(!li)return;last=li;li.classList.add('current');li.setAttribute('aria-current','true');
marksOf(li).forEach(function(m){m.classList.add('current');});}
function go(li){select(li);li.focus({preventScroll:true});li.scrollIntoView({block:'nearest'});
var m=marksOf(li)[0];if(m)m.scrollIntoView({block:'center'});}
function toMark(li){var m=marksOf(li).filter(function(m){return !m.classList.contains('off');})[0];
select(li);if(m){m.focus({preventScroll:true});m.scrollIntoView({block:'center'});}}
function step(d){var list=items(),a=document.activeElement,here,idx,i;if(!list.length)return;
here=is(a,'mark.hl')?itemsOf(a):is(a,'li.finding')?[a]:last?[last]:[];
idx=here.map(function(li){return list.indexOf(li);}).filter(function(x){return x>=0;});
if(!idx.length)i=d>0?0:list.length-1;
else i=d>0?Math.max.apply(null,idx)+1:Math.min.apply(null,idx)-1;
go(list[Math.max(0,Math.min(list.length-1,i))]);}
document.addEventListener('keydown',function(e){var t=e.target,k=e.key,li;
if(e.ctrlKey||e.metaKey||e.altKey||e.defaultPrevented)return;
if(is(t,'input,textarea,select,[contenteditable]'))return;
var onItem=is(t,'li.finding'),onMark=is(t,'mark.hl');
if(k==='j'||k==='n'||(k==='ArrowDown'&&(onItem||onMark)))step(1);
else if(k==='k'||k==='p'||(k==='ArrowUp'&&(onItem||onMark)))step(-1);
else if(k==='Enter'&&onItem)toMark(t);
else if((k==='Enter'||k==='Escape')&&onMark&&(li=itemsOf(t)[0]))go(li);
else if(k==='Escape'&&onItem){select(null);t.blur();}
else return;e.preventDefault();});
document.addEventListener('click',function(e){var a=e.target.closest&&e.target.closest('a.jump'),m;
if(a){e.preventDefault();toMark(a.closest('li.finding'));return;}
m=e.target.closest&&e.target.closest('mark.hl');
if(m&&!m.classList.contains('off')&&itemsOf(m)[0]){select(itemsOf(m)[0]);
current.scrollIntoView({block:'nearest'});}});
if(form){all('input[data-kind]',form).forEach(function(i){i.hidden=false;});
form.addEventListener('change',apply);apply();}
all('.keys').forEach(function(k){k.hidden=false;});})();
"""
