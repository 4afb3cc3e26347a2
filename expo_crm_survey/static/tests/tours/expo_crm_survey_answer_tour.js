import {registry} from "@web/core/registry";

const EXPECTATION = "Before the show, what did you expect";
const EXPERIENCE = "At the show, how was your experience";
const DIMENSIONS = ["Concept", "Behaviour", "Visual", "Product", "Service"];
const SERVICES = [
    "Training",
    "Translation",
    "Security",
    "Legal advice",
    "Hotels",
    "Equipment rental",
    "Catering",
    "Stand design",
    "Media",
    "Promotional gifts",
    "Ticketing",
    "Marketing",
    "Tourism",
    "Entertainment",
    "Flowers",
    "Transport",
    "Logistics",
    "Accommodation",
    "Stand building",
    "Conference organization",
    "Hosts",
];
// services the exhibitor used, and the column of its rating (0 is "Not used")
const USED_SERVICES = {Catering: 1, "Stand building": 2, Logistics: 3};

function question(title) {
    return `.o_survey_form .js_question-wrapper:contains(${title})`;
}

function matrixSteps(title, rows, columnOf) {
    return rows.map((row) => ({
        content: `${title}: ${row}`,
        trigger: `${question(title)} tr:has(th:contains(${row})) td:eq(${columnOf(row)})`,
        run: "click",
    }));
}

function scaleStep(title, value) {
    return {
        content: `${title}: ${value}`,
        trigger: `${question(title)} label:has(input[value="${value}"])`,
        run: "click",
    };
}

function choiceStep(title, choice) {
    return {
        content: `${title}: ${choice}`,
        trigger: `${question(title)} label:contains(${choice})`,
        run: "click",
    };
}

/**
 * An exhibitor opens its personal link and answers the exhibitor survey: it
 * expected much (4 of 5) of the show, found it poor (2 of 5), would hardly
 * recommend it (3 of 10) and will not come back.
 */
registry.category("web_tour.tours").add("expo_crm_survey_answer_tour", {
    steps: () => [
        {
            content: "The invitation opens on the exhibitor survey",
            trigger: ".o_survey_form:contains(Exhibitor Post-Show Survey)",
        },
        {
            content: "Start",
            trigger: "button.btn:contains(Start)",
            run: "click",
        },
        // expectations and experience (5S)
        ...matrixSteps(EXPECTATION, DIMENSIONS, () => 3),
        ...matrixSteps(EXPERIENCE, DIMENSIONS, () => 1),
        {
            trigger: `${question(EXPERIENCE)} tr:has(th:contains(Service)) td.o_survey_selected`,
        },
        {
            content: "Next page",
            trigger: 'button[value="next"]',
            run: "click",
        },
        // recommendation and next edition
        scaleStep("How likely are you to recommend the show", 3),
        choiceStep("Do you intend to exhibit at the next edition", "No"),
        choiceStep("Will you recommend the show to other exhibitors", "Maybe"),
        {
            content: "Next page",
            trigger: 'button[value="next"]',
            run: "click",
        },
        // relationship quality
        scaleStep("I trust the organizer", 3),
        scaleStep("I am satisfied with my relationship", 2),
        scaleStep("I have a friendly working relationship", 4),
        scaleStep("I feel part of this show", 2),
        {
            content: "Next page",
            trigger: 'button[value="next"]',
            run: "click",
        },
        // services and comments
        ...matrixSteps(
            "Which of our services did you use",
            SERVICES,
            (row) => USED_SERVICES[row] || 0
        ),
        {
            content: "Tell what to improve",
            trigger: `${question("What should we improve")} textarea`,
            run: "edit Aisles too narrow, no signage to hall B.",
        },
        {
            content: "Submit",
            trigger: 'button[value="finish"]',
            run: "click",
        },
        {
            content: "The survey is done",
            trigger: "h1:contains(Thank you)",
        },
    ],
});
