import {browser} from "@web/core/browser/browser";
import {registry} from "@web/core/registry";

/**
 * A marketing user copies an exhibitor's personal survey link from its invitation in
 * the campaign (to send it by phone or chat), then finds the same link on the
 * participation and copies it from there.
 */
function recordClipboard() {
    // the test browser may not write the real clipboard: keep what is copied
    window.expoCopied = [];
    browser.navigator.clipboard.writeText = async (text) => {
        window.expoCopied.push(text);
    };
}

// what is copied, in order; the "Copied" tooltip lasts too short to wait for it
function lastCopied() {
    return window.expoCopied[window.expoCopied.length - 1] || "";
}

registry.category("web_tour.tours").add("expo_crm_survey_copy_link_tour", {
    steps: () => [
        {
            content: "The campaign lists its invitations",
            trigger: ".o_field_widget[name=user_input_ids] .o_data_row:contains(Li Na)",
            run: recordClipboard,
        },
        {
            content: "Copy the exhibitor's personal link",
            trigger:
                ".o_data_row:contains(Li Na) td[name=expo_answer_url] button:contains(Copy Link)",
            run: "click",
        },
        {
            content: "Copied, and the row did not open",
            trigger: ".o_field_widget[name=user_input_ids] .o_data_row:contains(Li Na)",
            run() {
                const copied = lastCopied();
                if (
                    !copied.includes("/survey/start/") ||
                    !copied.includes("answer_token=")
                ) {
                    throw new Error(`Not a personal survey link: ${copied}`);
                }
                if (document.querySelector(".modal .o_form_view")) {
                    throw new Error("Copying the link opened the invitation");
                }
            },
        },
        {
            content: "Open the invitation",
            trigger: ".o_data_row:contains(Li Na) td[name=partner_id]",
            run: "click",
        },
        {
            content: "Then its participation",
            trigger: ".modal .o_field_widget[name=expo_participation_id] a",
            run: "click",
        },
        {
            content: "The participation's satisfaction",
            trigger: ".o_form_view .o_notebook .nav-link[name=satisfaction]",
            run: "click",
        },
        {
            content: "It shows the invitee's link",
            trigger: ".o_field_widget[name=expo_survey_url] a",
            run() {
                const shown = this.anchor.textContent.trim();
                if (!lastCopied().endsWith(shown.replace(/^https?:\/\/[^/]+/, ""))) {
                    throw new Error(
                        `The participation shows ${shown}, not ${lastCopied()}`
                    );
                }
            },
        },
        {
            content: "Copy it from the participation",
            trigger: ".o_field_widget[name=expo_survey_url] button.o_clipboard_button",
            run: "click",
        },
        {
            content: "The same link",
            trigger: ".o_field_widget[name=expo_survey_url]",
            run() {
                const [fromInvitation, fromParticipation] = window.expoCopied;
                if (
                    window.expoCopied.length !== 2 ||
                    fromInvitation !== fromParticipation
                ) {
                    throw new Error(`Two different links: ${window.expoCopied}`);
                }
            },
        },
    ],
});
