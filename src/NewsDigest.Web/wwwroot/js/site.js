// NewsDigest progressive enhancement. Everything works without this file; it only adds
// "copy link" buttons, marks a shared event point, and folds the facet panel on phones.
(function () {
    "use strict";

    function copy(text, button) {
        if (!navigator.clipboard) {
            return;
        }
        navigator.clipboard.writeText(text).then(function () {
            if (!button) {
                return;
            }
            var label = button.textContent;
            button.textContent = button.getAttribute("data-done") || label;
            button.classList.add("is-done");
            setTimeout(function () {
                button.textContent = label;
                button.classList.remove("is-done");
            }, 2000);
        });
    }

    // The article's copy-link button is hidden until we know copying can work.
    document.querySelectorAll("button.copy-link[data-copy]").forEach(function (button) {
        if (!navigator.clipboard) {
            return;
        }
        button.hidden = false;
        button.addEventListener("click", function () {
            copy(button.getAttribute("data-copy"), button);
        });
    });

    // A per-point link scrolls to the point (plain anchor) and also copies its full URL.
    document.querySelectorAll("[data-copy-base]").forEach(function (container) {
        var base = container.getAttribute("data-copy-base");
        container.addEventListener("click", function (event) {
            var link = event.target.closest("a.event-link");
            if (!link) {
                return;
            }
            copy(base + link.getAttribute("href"), null);
            mark(link.getAttribute("href").slice(1));
        });
    });

    function mark(id) {
        document.querySelectorAll("li.is-marked").forEach(function (li) { li.classList.remove("is-marked"); });
        var target = id && document.getElementById(id);
        if (target) {
            target.classList.add("is-marked");
        }
    }

    if (location.hash.indexOf("#event-") === 0) {
        mark(location.hash.slice(1));
    }
    window.addEventListener("hashchange", function () { mark(location.hash.slice(1)); });

    // On a phone the filter panel starts folded so the list comes first, also with filters on:
    // the chips above the list show them and the panel's summary counts them.
    var panel = document.querySelector("details.facets-toggle");
    if (panel && window.matchMedia("(max-width: 47.99rem)").matches) {
        panel.open = false;
    }
})();
