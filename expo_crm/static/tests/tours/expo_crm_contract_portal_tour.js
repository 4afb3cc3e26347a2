import {registry} from "@web/core/registry";

/**
 * An exhibitor opens its space contract in the portal, reads the schedule and the
 * cancellation tiers, signs it and is asked for the deposit.
 */
registry.category("web_tour.tours").add("expo_crm_contract_portal_tour", {
    steps: () => [
        {
            content: "The contract shows the booth, the schedule and the tiers",
            trigger:
                "#expo_contract:contains(Space Contract):contains(T-A1):contains(181)",
        },
        {
            content: "Sign and pay",
            trigger: "a:contains(Sign & Pay)",
            run: "click",
        },
        {
            trigger: ".o_portal_sign_submit:enabled",
        },
        {
            content: "Sign with a typed signature",
            trigger: ".o_web_sign_auto_select_style button",
            run: "click",
        },
        {
            trigger: ".o-dropdown-item:eq(1)",
            run: "click",
        },
        {
            trigger: ".o_portal_sign_submit:enabled",
            run: "click",
        },
        {
            content: "Signed: the deposit is asked for next",
            trigger: "#o_sale_portal_paynow:contains(Pay Now)",
        },
    ],
});
