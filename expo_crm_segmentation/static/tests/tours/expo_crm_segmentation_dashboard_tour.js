import {registry} from "@web/core/registry";

/**
 * A marketing user opens the value tier dashboard from the Exhibitions menu, reads
 * how many customers each tier holds and drills into the key customers to get their
 * list.
 */
registry.category("web_tour.tours").add("expo_crm_segmentation_dashboard_tour", {
    url: "/odoo",
    steps: () => [
        {
            content: "Open the apps menu",
            trigger: ".o_navbar_apps_menu button",
            run: "click",
        },
        {
            content: "Open CRM",
            trigger: '.o-dropdown--menu .o_app[data-menu-xmlid="crm.crm_menu_root"]',
            run: "click",
        },
        {
            content: "Open the Exhibitions menu",
            trigger: 'button[data-menu-xmlid="expo_crm.expo_menu_root"]',
            run: "click",
        },
        {
            content: "Open the value tiers",
            trigger: 'a[data-menu-xmlid="expo_crm_segmentation.expo_seg_menu_tiers"]',
            run: "click",
        },
        {
            content: "The dashboard opens on the graph of the tiers",
            trigger: ".o_graph_view .o_graph_renderer canvas",
        },
        {
            content: "Switch to the pivot",
            trigger: ".o_switch_view.o_pivot",
            run: "click",
        },
        {
            trigger: ".o_pivot_view .o_pivot table",
        },
        {
            content: "Count the customers",
            trigger: ".o_pivot_buttons button:contains(Measures)",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .o_menu_item:contains(Count)",
            run: "click",
        },
        {
            content: "Show the counts only",
            trigger: ".o-dropdown--menu .o_menu_item.selected:contains(Economic Value)",
            run: "click",
        },
        {
            trigger: ".o_pivot table thead th:contains(Count)",
        },
        {
            trigger: ".o_pivot table:not(:has(thead th:contains(Economic Value)))",
        },
        {
            content: "One strategic, two key, one transactional and one risk customer",
            trigger: [
                ".o_pivot table tbody",
                ":has(tr:has(th:contains(Strategic)) td:last:contains(/^\\s*1\\s*$/))",
                ":has(tr:has(th:contains(Key)) td:last:contains(/^\\s*2\\s*$/))",
                ":has(tr:has(th:contains(Transactional)) td:last:contains(/^\\s*1\\s*$/))",
                ":has(tr:has(th:contains(Risk)) td:last:contains(/^\\s*1\\s*$/))",
                ":has(tr:first td:last:contains(/^\\s*5\\s*$/))",
            ].join(""),
        },
        {
            content: "Drill into the key customers",
            trigger: ".o_pivot table tbody tr:has(th:contains(Key)) td:last",
            run: "click",
        },
        {
            content: "The list holds exactly the two key customers",
            trigger: [
                ".o_list_view .o_list_renderer",
                ":has(.o_data_row:contains(Tour Beta Gallery))",
                ":has(.o_data_row:contains(Tour Epsilon Gallery))",
                ":not(:has(.o_data_row:eq(2)))",
            ].join(""),
        },
        {
            content: "Open one of them",
            trigger: ".o_data_row:contains(Tour Epsilon Gallery) td.o_data_cell",
            run: "click",
        },
        {
            content: "Its Exhibitions tab",
            trigger: ".o_form_view .o_notebook .nav-link:contains(Exhibitions)",
            run: "click",
        },
        {
            content: "shows the tier",
            trigger: ".o_form_view .o_field_widget[name=expo_value_tier]:contains(Key)",
        },
    ],
});
