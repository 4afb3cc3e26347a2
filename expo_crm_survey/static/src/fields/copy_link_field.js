import {_t} from "@web/core/l10n/translation";
import {registry} from "@web/core/registry";
import {
    CopyClipboardButtonField,
    copyClipboardButtonField,
} from "@web/views/fields/copy_clipboard/copy_clipboard_field";

/**
 * Odoo's copy button, usable in a list row: copying an invitee's personal link does not
 * also open the row.
 */
export class ExpoCopyLinkField extends CopyClipboardButtonField {
    static template = "expo_crm_survey.CopyLinkField";

    setup() {
        super.setup();
        this.copyText = this.props.string || _t("Copy Link");
    }

    get copyButtonClassName() {
        return "o_expo_copy_link btn-link btn-sm p-0";
    }
}

registry.category("fields").add("expo_copy_link", {
    ...copyClipboardButtonField,
    component: ExpoCopyLinkField,
    displayName: _t("Copy Link"),
    supportedTypes: ["char"],
});
