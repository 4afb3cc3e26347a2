import {registry} from "@web/core/registry";

/**
 * An exhibitor opens its space contract in the portal, reads the schedule and the
 * cancellation tiers, signs it and pays the deposit online.
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
        {
            content: "The payment form opens on the deposit",
            trigger: "#modalaccept.show #customer_input",
            run: "edit 4242 4242 4242 4242",
        },
        {
            content: "Pay the deposit",
            trigger: "#modalaccept button[name=o_payment_submit_button]:enabled",
            run: "click",
        },
        {
            content: "Paid: back on the contract, the payment is thanked for",
            trigger: ".alert-success:contains(Thank you!)",
        },
        {
            content: "Nothing is left to pay now",
            trigger: "body:not(:has(#o_sale_portal_paynow))",
        },
    ],
});
