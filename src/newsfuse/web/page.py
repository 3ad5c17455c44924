"""The app's one page: a form, a progress line while the briefing is made, and the report in a sandboxed
frame (its scripts run, but it cannot reach this page or the network) with JSON and Markdown downloads.

Text from the server reaches this page only through ``textContent`` and the frame's ``srcdoc``
property, never through HTML parsing of this page."""

PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'self'; style-src 'unsafe-inline';
 script-src 'unsafe-inline'; frame-src 'self' data: blob:; img-src data:">
<title>newsfuse</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0;background:#f6f7f9;color:#1d2430}
header{background:#1d2430;color:#fff;padding:12px 24px} header h1{margin:0;font-size:1.3em}
main{max-width:1100px;margin:0 auto;padding:16px 24px}
form{background:#fff;border:1px solid #d5d9e0;border-radius:6px;padding:16px}
label{display:block;margin:.6em 0 .2em;font-weight:600} textarea{width:100%;min-height:7em;font:inherit}
input[type=number]{width:6em} input[type=text]{width:100%} button{margin-top:1em;padding:.5em 1.4em;font:inherit}
#status{margin:1em 0;min-height:1.5em} #status.error{color:#a11} progress{width:14em;vertical-align:middle}
#downloads a{margin-right:1em} iframe{width:100%;height:80vh;border:1px solid #d5d9e0;border-radius:6px;background:#fff}
.hint{color:#5b6472;font-size:.9em}
</style></head><body>
<header><h1>newsfuse — many reports, one briefing</h1></header>
<main>
<form id="form">
 <label for="files">Files (.txt, .md, .html, .json, .jsonl)</label>
 <input id="files" name="files" type="file" multiple>
 <label for="text">Or paste documents</label>
 <textarea id="text" name="text" placeholder="One document, or several separated by a line with ---"></textarea>
 <label for="urls">URLs, one per line</label>
 <textarea id="urls" name="urls" placeholder="https://..."></textarea>
 <div class="hint" id="network-hint"></div>
 <label for="words">Summary length (words)</label>
 <input id="words" name="words" type="number" min="1" max="2000" value="150">
 <label for="query">Focus on (optional)</label>
 <input id="query" name="query" type="text">
 <button id="go" type="submit">Brief</button>
</form>
<div id="status" role="status"></div>
<div id="downloads"></div>
<iframe id="report" title="briefing report" sandbox="allow-scripts"></iframe>
</main>
<script>
var network = {{NETWORK}};
var urls = document.getElementById('urls');
if (!network) {
  urls.disabled = true;
  document.getElementById('network-hint').textContent =
    'URL fetching is off: start the server with --allow-network to use it.';
}
function say(message, error) {
  var status = document.getElementById('status');
  status.className = error ? 'error' : '';
  status.textContent = message;
}
function download(name, text, type) {
  var a = document.createElement('a');
  a.href = URL.createObjectURL(new Blob([text], {type: type}));
  a.download = name;
  a.textContent = 'Download ' + name;
  return a;
}
document.getElementById('form').addEventListener('submit', function (event) {
  event.preventDefault();
  var data = new FormData(event.target);
  var downloads = document.getElementById('downloads');
  downloads.replaceChildren();
  var status = document.getElementById('status');
  status.className = '';
  status.replaceChildren(document.createTextNode('Reading, cleaning and briefing the documents… '),
                         document.createElement('progress'));
  document.getElementById('go').disabled = true;
  fetch('api/upload', {method: 'POST', body: data}).then(function (response) {
    return response.json().then(function (body) { return {ok: response.ok, body: body}; });
  }).then(function (result) {
    if (!result.ok) {
      var detail = result.body.detail || result.body.error || 'the briefing failed';
      say(typeof detail === 'string' ? detail : JSON.stringify(detail), true);
      return;
    }
    var sources = result.body.briefing.sources;
    var rejected = sources.filter(function (s) { return s.status === 'rejected'; }).length;
    var note = rejected ? ' (' + rejected + ' rejected: see the source table)' : '';
    say('Briefed ' + sources.length + ' documents' + note + '.');
    document.getElementById('report').srcdoc = result.body.html;
    downloads.append(download('briefing.json', JSON.stringify(result.body.briefing, null, 2), 'application/json'),
                     download('briefing.md', result.body.markdown, 'text/markdown'));
  }).catch(function (error) {
    say('The server could not be reached: ' + error, true);
  }).finally(function () {
    document.getElementById('go').disabled = false;
  });
});
</script>
</body></html>
"""
